import Foundation
import ModelFile
import PlasticUNet
import Training
import XCTest

final class EmbeddedSchemaTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let schemaFile = packageRoot.appendingPathComponent("schemas/model-v1.json")
    private static let embeddedSource = packageRoot.appendingPathComponent("Sources/ModelFile/ModelSchemaText.swift")

    /// The Swift source that embeds `json`.
    private static func source(embedding json: String) -> String {
        """
        // Generated from schemas/model-v1.json: do not edit. Regenerate with
        //   PLASTIC_UNET_REGENERATE_SCHEMA=1 swift test --filter EmbeddedSchemaTests

        /// The text of `schemas/model-v1.json`, embedded so that the binary works wherever it is
        /// copied (a test fails when the two differ).
        package enum ModelSchemaText {
            /// The JSON text.
            package static let json = #\"\"\"
        \(json)
        \"\"\"#
        }

        """
    }

    /// Fails when `schemas/model-v1.json` and the text the binary embeds differ; with
    /// `PLASTIC_UNET_REGENERATE_SCHEMA=1` it rewrites the embedding source instead.
    func testTheEmbeddedSchemaIsTheSchemasFile() throws {
        let json = try String(contentsOf: Self.schemaFile, encoding: .utf8)
        let expected = Self.source(embedding: json)
        if ProcessInfo.processInfo.environment["PLASTIC_UNET_REGENERATE_SCHEMA"] == "1" {
            try Data(expected.utf8).write(to: Self.embeddedSource)
            throw XCTSkip("regenerated \(Self.embeddedSource.path); build again")
        }
        XCTAssertEqual(try String(contentsOf: Self.embeddedSource, encoding: .utf8), expected,
                       "run: PLASTIC_UNET_REGENERATE_SCHEMA=1 swift test --filter EmbeddedSchemaTests")
        XCTAssertEqual(ModelSchemaText.json, json)
    }

    func testTheSchemaListsExactlyTheParameterLayout() throws {
        let schema = try ModelSchema.embedded()
        for width in [1, 2, 3, 16] {
            for rule in PlasticityRule.allCases {
                for alpha in AlphaKind.allCases {
                    let model = ModelConfiguration(rule: rule, alpha: alpha, width: width, size: 40 + width)
                    let listed = try schema.parameters(for: RunConfiguration(model: model, training: TrainingOptions()))
                    let layout = try ParameterLayout.specs(for: model).map {
                        let place = try schema.place(of: $0.name)
                        return SchemaParameter(path: place.path, torchName: place.torchName, shape: $0.shape)
                    }
                    XCTAssertEqual(listed, layout, "width \(width), \(rule), \(alpha)")
                }
            }
        }
    }
}
