/// The Winograd arithmetic (``WinogradTransform``) as plain loops, one tile at a time, on
/// one thread: the definition that ``FastKernels`` follows bit for bit.
extension ReferenceKernels {
    /// See ``ConvolutionKernels/winogradConvolve(_:weight:bias:)``.
    package func winogradConvolve(_ input: Tensor, weight: WinogradWeight, bias: Tensor) -> Tensor {
        convolveByTiles(input, weight: weight.weight, bias: bias)
    }

    /// See ``ConvolutionKernels/winogradWeight(_:)``: the weight as it is (these kernels
    /// transform it on each call).
    package func winogradWeight(_ weight: Tensor) -> WinogradWeight {
        WinogradWeight(weight)
    }

    /// ``winogradConvolve(_:weight:bias:)``, one image and one tile at a time.
    private func convolveByTiles(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        if input.shape.count == 4 {
            return Tensor(stacking: input.images().map { convolveByTiles($0, weight: weight, bias: bias) })
        }
        guard WinogradTransform.applies(height: input.shape[1], width: input.shape[2]) else {
            return convolve(input, weight: weight, bias: bias, padding: 1)
        }
        let tiles = WinogradTiles(height: input.shape[1], width: input.shape[2])
        let (outChannels, inChannels) = (weight.shape[0], weight.shape[1])
        let u = Self.transformedWeight(weight)
        var output = Tensor(shape: [outChannels, tiles.height, tiles.width])
        for (ty, tx) in tiles.positions {
            let v = (0..<inChannels).map { WinogradTransform.input.apply(input.square($0, ty, tx, side: 6, offset: -1)) }
            for co in 0..<outChannels {
                let m = (0..<WinogradTransform.points).map { t in
                    (0..<inChannels).reduce(Float(0)) { $0.addingProduct(u[co][$1][t], v[$1][t]) }
                }
                let tile = WinogradTransform.output.apply(m)
                tiles.forEachElement(ty, tx, side: 4, offset: 0) { i, j, y, x in
                    output.scalars[(co * tiles.height + y) * tiles.width + x] = tile[i * 4 + j] + bias.scalars[co]
                }
            }
        }
        return output
    }

    /// See ``ConvolutionKernels/winogradConvolveInputGradient(_:weight:)``.
    package func winogradConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        guard WinogradTransform.applies(height: outputGradient.shape[1], width: outputGradient.shape[2]) else {
            return convolveInputGradient(outputGradient, weight: weight, padding: 1)
        }
        let tiles = WinogradTiles(height: outputGradient.shape[1], width: outputGradient.shape[2])
        let (outChannels, inChannels) = (weight.shape[0], weight.shape[1])
        let u = Self.transformedWeight(weight)
        let toPoints = WinogradTransform.output.transposed
        let toPatch = WinogradTransform.input.transposed
        var inputGradient = Tensor(shape: [inChannels, tiles.height, tiles.width])
        for (ty, tx) in tiles.positions {
            let dm = (0..<outChannels).map { toPoints.apply(outputGradient.square($0, ty, tx, side: 4, offset: 0)) }
            for ci in 0..<inChannels {
                let dv = (0..<WinogradTransform.points).map { t in
                    (0..<outChannels).reduce(Float(0)) { $0.addingProduct(u[$1][ci][t], dm[$1][t]) }
                }
                let patch = toPatch.apply(dv)
                tiles.forEachElement(ty, tx, side: 6, offset: -1) { a, b, y, x in
                    inputGradient.scalars[(ci * tiles.height + y) * tiles.width + x] += patch[a * 6 + b]
                }
            }
        }
        return inputGradient
    }

    /// See ``ConvolutionKernels/winogradConvolveParameterGradients(_:input:)``.
    package func winogradConvolveParameterGradients(_ outputGradient: Tensor,
                                                    input: Tensor) -> (weight: Tensor, bias: Tensor) {
        guard WinogradTransform.applies(height: input.shape[1], width: input.shape[2]) else {
            return convolveParameterGradients(outputGradient, input: input, kernelSize: 3, padding: 1)
        }
        let tiles = WinogradTiles(height: input.shape[1], width: input.shape[2])
        let (outChannels, inChannels) = (outputGradient.shape[0], input.shape[0])
        let toPoints = WinogradTransform.output.transposed
        let positions = tiles.positions
        let v = positions.map { ty, tx in
            (0..<inChannels).map { WinogradTransform.input.apply(input.square($0, ty, tx, side: 6, offset: -1)) }
        }
        let dm = positions.map { ty, tx in (0..<outChannels).map { toPoints.apply(outputGradient.square($0, ty, tx, side: 4, offset: 0)) } }
        let toWeight = WinogradTransform.weight.transposed
        var weightGradient = [Float]()
        for co in 0..<outChannels {
            for ci in 0..<inChannels {
                let du = (0..<WinogradTransform.points).map { t in
                    positions.indices.reduce(Float(0)) { $0.addingProduct(dm[$1][co][t], v[$1][ci][t]) }
                }
                weightGradient += toWeight.apply(du)
            }
        }
        return (Tensor(shape: [outChannels, inChannels, 3, 3], scalars: weightGradient),
                Self.biasGradient(outputGradient))
    }

    /// `U[co][ci] = G · w[co, ci] · Gᵀ`, 36 points each.
    private static func transformedWeight(_ weight: Tensor) -> [[[Float]]] {
        (0..<weight.shape[0]).map { co in
            (0..<weight.shape[1]).map { ci in
                let start = (co * weight.shape[1] + ci) * 9
                return WinogradTransform.weight.apply(Array(weight.scalars[start..<start + 9]))
            }
        }
    }
}

private extension Tensor {
    /// Channel `channel`'s `side x side` square of tile (ty, tx) whose element (0, 0) is
    /// position `(4·ty + offset, 4·tx + offset)`, row-major, zero outside the image.
    func square(_ channel: Int, _ ty: Int, _ tx: Int, side: Int, offset: Int) -> [Float] {
        (0..<side * side).map { valueOrZero(channel, 4 * ty + offset + $0 / side, 4 * tx + offset + $0 % side) }
    }
}
