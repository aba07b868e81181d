/// Batches of images: the forward convolutions take one image `[C, H, W]` or a batch
/// `[N, C, H, W]` of images that are computed independently, each as if alone.
extension Tensor {
    /// N for a batch `[N, …]` of `imageRank`-dimensional images, 1 for a single image.
    package func imageCount(imageRank: Int = 3) -> Int {
        shape.count == imageRank + 1 ? shape[0] : 1
    }

    /// The shape of one image: the last `imageRank` dimensions.
    package func imageShape(imageRank: Int = 3) -> [Int] {
        Array(shape.suffix(imageRank))
    }

    /// The shape of a result with images of `imageShape`: prefixed by N when this tensor is
    /// a batch of `imageRank`-dimensional images.
    package func batchShape(_ imageShape: [Int], imageRank: Int = 3) -> [Int] {
        shape.count == imageRank + 1 ? [shape[0]] + imageShape : imageShape
    }

    /// The images of a batch `[N, …]`, in order.
    package func images(imageRank: Int = 3) -> [Tensor] {
        let imageShape = imageShape(imageRank: imageRank)
        let size = imageShape.reduce(1, *)
        return (0..<imageCount(imageRank: imageRank)).map { n in
            Tensor(shape: imageShape, scalars: Array(scalars[(n * size)..<((n + 1) * size)]))
        }
    }

    /// The batch `[N, …]` of `images`, which all have one shape.
    /// - Precondition: `images` is not empty and its shapes are equal.
    package init(stacking images: [Tensor]) {
        precondition(!images.isEmpty && images.allSatisfy { $0.shape == images[0].shape },
                     "cannot stack images of shapes \(images.map(\.shape))")
        self.init(shape: [images.count] + images[0].shape, scalars: images.flatMap(\.scalars))
    }
}
