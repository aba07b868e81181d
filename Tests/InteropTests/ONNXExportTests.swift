import Interop
import Kernels
import ModelFile
import ONNXMessages
import PlasticUNet
import SwiftProtobuf
import Training
import XCTest

/// The structure of the ONNX export: inputs and outputs per trace mode, the operators
/// the issue allows, every parameter once as an initializer under its PyTorch key, and
/// bytes that parse back. onnxruntime's numbers are checked by the command tests.
final class ONNXExportTests: XCTestCase {
    private static let allowedOperators: Set<String> = [
        "Conv", "ConvTranspose", "MaxPool", "Relu", "Add", "Concat", "Slice", "MatMul", "Mul", "Sigmoid",
        "Reshape", "Transpose", "Sub", "ReduceMean",
    ]

    private func contents(rule: PlasticityRule, alpha: AlphaKind = .free, rows: TraceRows = .all) -> ModelFileContents {
        let model = ModelConfiguration(rule: rule, alpha: alpha, width: 1, size: 21, traceRows: rows)
        return ModelFileContents.untrained(configuration: RunConfiguration(model: model, training: TrainingOptions()))
    }

    private func shape(_ info: Onnx_ValueInfoProto) -> [String] {
        info.type.tensorType.shape.dim.map { $0.dimParam.isEmpty ? "\($0.dimValue)" : $0.dimParam }
    }

    func testStoredAndZeroTakeABatchAndGiveProbabilities() throws {
        for mode in [TraceMode.stored, .zero] {
            let graph = try ONNXExport.model(of: contents(rule: .oja), trace: mode).graph
            XCTAssertEqual(graph.input.map(\.name), ["image"])
            XCTAssertEqual(graph.output.map(\.name), ["probabilities"])
            XCTAssertEqual(shape(graph.input[0]), ["N", "1", "21", "21"])
            XCTAssertEqual(shape(graph.output[0]), ["N", "1", "21", "21"])
            XCTAssertEqual(graph.initializer.contains { $0.name == "hebb" }, mode == .stored, "\(mode)")
        }
    }

    func testOnlineCarriesTheTraceAsAnInputAndAnOutput() throws {
        for rule in [PlasticityRule.hebb, .oja] {
            let graph = try ONNXExport.model(of: contents(rule: rule, rows: .first), trace: .online).graph
            XCTAssertEqual(graph.input.map(\.name), ["image", "trace"])
            XCTAssertEqual(graph.output.map(\.name), ["probabilities", "next_trace"])
            XCTAssertEqual(shape(graph.input[0]), ["1", "1", "21", "21"])
            XCTAssertEqual(shape(graph.output[1]), ["21", "21"])
        }
        // Rule none has no trace: online is the plain network.
        let plain = try ONNXExport.model(of: contents(rule: .none), trace: .online).graph
        XCTAssertEqual(plain.input.map(\.name), ["image"])
    }

    func testEveryParameterIsOneInitializerUnderItsPyTorchKey() throws {
        let model = contents(rule: .hebb, alpha: .yoked)
        let graph = try ONNXExport.model(of: model, trace: .zero).graph
        let stateDict = try TorchStateDict(exporting: model)
        let floats = graph.initializer.filter { $0.dataType == Int32(Onnx_TensorProto.DataType.float.rawValue) }
        // Zero mode leaves alpha and eta out: W is w alone.
        let expected = stateDict.entries.filter { $0.key != "alpha" && $0.key != "eta" }
        XCTAssertEqual(Set(floats.map(\.name)), Set(expected.map(\.key)))
        XCTAssertEqual(floats.count, expected.count)
        for entry in expected {
            let proto = try XCTUnwrap(floats.first { $0.name == entry.key })
            XCTAssertEqual(proto.dims, entry.tensor.shape.map(Int64.init), entry.key)
            let values = stride(from: 0, to: proto.rawData.count, by: 4).map { offset in
                Float(bitPattern: proto.rawData[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) })
            }
            XCTAssertEqual(values, entry.tensor.scalars, entry.key)
        }
    }

    func testTheGraphUsesOnlyTheStandardOperatorsOfOpset17() throws {
        for (rule, mode) in [(PlasticityRule.oja, TraceMode.online), (.hebb, .online), (.none, .stored)] {
            let model = try ONNXExport.model(of: contents(rule: rule), trace: mode)
            XCTAssertEqual(model.opsetImport.map(\.version), [17])
            XCTAssertEqual(model.opsetImport.map(\.domain), [""])
            let used = Set(model.graph.node.map(\.opType))
            XCTAssertTrue(used.isSubset(of: Self.allowedOperators), "\(used.subtracting(Self.allowedOperators))")
            // Every node's inputs exist before it: graph inputs, initializers or earlier outputs.
            var known = Set(model.graph.input.map(\.name) + model.graph.initializer.map(\.name))
            for node in model.graph.node {
                for input in node.input { XCTAssertTrue(known.contains(input), "\(node.name) reads \(input)") }
                known.formUnion(node.output)
            }
            for output in model.graph.output { XCTAssertTrue(known.contains(output.name), output.name) }
        }
    }

    func testTheBytesParseBackToTheSameModel() throws {
        let model = try ONNXExport.model(of: contents(rule: .oja), trace: .stored)
        let bytes: [UInt8] = try model.serializedBytes()
        XCTAssertEqual(try Onnx_ModelProto(serializedBytes: bytes), model)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: model.metadataProps.map { ($0.key, $0.value) }),
                       ["rule": "oja", "alpha": "free", "width": "1", "size": "21", "trace_rows": "all",
                        "trace_mode": "stored"])
    }
}
