/// Operations that move whole channels or rows of `[C, H, W]` tensors (and, for the
/// forward ones, of batches `[N, C, H, W]`): concatenation,
/// cropping, and Dropout2d's channel mask.
package enum ChannelOperations {
    /// The channels of `a` followed by those of `b`, image by image for a batch.
    /// - Parameters:
    ///   - a: `[Ca, H, W]`, or a batch `[N, Ca, H, W]`.
    ///   - b: `[Cb, H, W]` (`[N, Cb, H, W]`).
    /// - Returns: `[Ca+Cb, H, W]` (`[N, Ca+Cb, H, W]`).
    /// - Complexity: O(N·(Ca+Cb)·H·W).
    package static func concatenate(_ a: Tensor, _ b: Tensor) -> Tensor {
        let rank = a.shape.count
        precondition((rank == 3 || rank == 4) && b.shape.count == rank
                     && a.shape.dropLast(3) == b.shape.dropLast(3) && a.shape.suffix(2) == b.shape.suffix(2),
                     "cannot concatenate \(a.shape) and \(b.shape) along channels")
        let images = a.imageCount()
        let (aSize, bSize) = (a.count / max(images, 1), b.count / max(images, 1))
        var scalars: [Float] = []
        scalars.reserveCapacity(a.count + b.count)
        for image in 0..<images {
            scalars += a.scalars[(image * aSize)..<((image + 1) * aSize)]
            scalars += b.scalars[(image * bSize)..<((image + 1) * bSize)]
        }
        return Tensor(shape: a.batchShape([a.shape[rank - 3] + b.shape[rank - 3]] + a.shape.suffix(2)),
                      scalars: scalars)
    }

    /// The gradient of ``concatenate(_:_:)``: `gradient` split into its first
    /// `firstChannels` channels and the rest.
    /// - Parameters:
    ///   - gradient: `[Ca+Cb, H, W]`.
    ///   - firstChannels: Ca.
    /// - Returns: `[Ca, H, W]` and `[Cb, H, W]`.
    /// - Complexity: O((Ca+Cb)·H·W).
    package static func splitGradient(_ gradient: Tensor, firstChannels: Int) -> (Tensor, Tensor) {
        precondition(gradient.shape.count == 3 && firstChannels >= 0 && firstChannels <= gradient.shape[0],
                     "cannot split \(gradient.shape) after \(firstChannels) channels")
        let (height, width) = (gradient.shape[1], gradient.shape[2])
        let split = firstChannels * height * width
        return (Tensor(shape: [firstChannels, height, width], scalars: Array(gradient.scalars[..<split])),
                Tensor(shape: [gradient.shape[0] - firstChannels, height, width],
                       scalars: Array(gradient.scalars[split...])))
    }

    /// Drops the FIRST rows/columns so that x becomes [C, height, width] (docs/MODEL.md §2's crop of the up path):
    /// element `[c, y, x]` of the result is `x[c, y + H - height, x + W - width]`.
    /// - Parameters:
    ///   - x: `[C, H, W]`, or a batch `[N, C, H, W]` (cropped plane by plane alike).
    ///   - height: at most H.
    ///   - width: at most W.
    /// - Returns: `[C, height, width]` (`[N, C, height, width]`).
    /// - Complexity: O(N·C·height·width).
    package static func cropLeading(_ x: Tensor, height: Int, width: Int) -> Tensor {
        let rank = x.shape.count
        precondition((rank == 3 || rank == 4) && height >= 0 && width >= 0 && height <= x.shape[rank - 2]
                     && width <= x.shape[rank - 1], "cannot crop \(x.shape) to \(height) x \(width)")
        let (originalHeight, originalWidth) = (x.shape[rank - 2], x.shape[rank - 1])
        let planes = x.shape.dropLast(2).reduce(1, *)
        let (dropRows, dropColumns) = (originalHeight - height, originalWidth - width)
        var scalars: [Float] = []
        scalars.reserveCapacity(planes * height * width)
        for c in 0..<planes {
            for y in 0..<height {
                let start = (c * originalHeight + y + dropRows) * originalWidth + dropColumns
                scalars.append(contentsOf: x.scalars[start..<(start + width)])
            }
        }
        return Tensor(shape: x.shape.dropLast(2) + [height, width], scalars: scalars)
    }

    /// The gradient of cropLeading: zeros in the dropped rows/columns, `gradient` in the
    /// last `height` rows and `width` columns.
    /// - Parameters:
    ///   - gradient: `[C, height, width]`.
    ///   - originalHeight: H, at least `height`.
    ///   - originalWidth: W, at least `width`.
    /// - Returns: `[C, H, W]`.
    /// - Complexity: O(C·H·W).
    package static func cropLeadingGradient(_ gradient: Tensor, originalHeight: Int, originalWidth: Int) -> Tensor {
        precondition(gradient.shape.count == 3 && gradient.shape[1] <= originalHeight
                     && gradient.shape[2] <= originalWidth,
                     "cannot pad \(gradient.shape) back to \(originalHeight) x \(originalWidth)")
        let (channels, height, width) = (gradient.shape[0], gradient.shape[1], gradient.shape[2])
        let (dropRows, dropColumns) = (originalHeight - height, originalWidth - width)
        var result = Tensor(shape: [channels, originalHeight, originalWidth])
        for c in 0..<channels {
            for y in 0..<height {
                let from = (c * height + y) * width
                let to = (c * originalHeight + y + dropRows) * originalWidth + dropColumns
                result.scalars.replaceSubrange(to..<(to + width), with: gradient.scalars[from..<(from + width)])
            }
        }
        return result
    }

    /// Dropout2d given its per-channel decision: channel c is kept (times `scale`) or zeroed. Also its own gradient.
    ///
    /// A kept element becomes `x * scale` (one rounding); a dropped one becomes +0.0
    /// whatever it held, NaN and infinities included (PyTorch multiplies by a 0/scale
    /// mask instead, which differs only for those values and for the sign of zero).
    /// - Parameters:
    ///   - x: `[C, H, W]`.
    ///   - keep: C decisions.
    ///   - scale: the factor of the kept channels, 1/(1-q) for dropout probability q.
    /// - Returns: `[C, H, W]`.
    /// - Complexity: O(C·H·W).
    package static func dropChannels(_ x: Tensor, keep: [Bool], scale: Float) -> Tensor {
        precondition(x.shape.count == 3 && keep.count == x.shape[0],
                     "\(keep.count) channel decisions for \(x.shape)")
        let planeSize = x.shape[1] * x.shape[2]
        var result = Tensor(shape: x.shape)
        for (c, kept) in keep.enumerated() where kept {
            for i in (c * planeSize)..<((c + 1) * planeSize) {
                result.scalars[i] = x.scalars[i] * scale
            }
        }
        return result
    }
}
