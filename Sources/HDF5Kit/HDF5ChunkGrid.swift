/// The chunks of a chunked dataset and where their elements lie: both the dataset and each
/// chunk hold their elements in row-major order, and an edge chunk reaches past the
/// dataset's end (the library stores it whole).
struct HDF5ChunkGrid: Sendable {
    /// The dataset's extent in each dimension.
    let shape: [Int]
    /// The chunk's extent in each dimension.
    let chunkShape: [Int]

    /// The elements of one chunk.
    var chunkElements: Int { chunkShape.reduce(1, *) }

    /// The origin (the coordinates of the first element) of every chunk, in row-major order
    /// of the grid; none when the dataset has no elements.
    var origins: [[Int]] {
        let counts = zip(shape, chunkShape).map { ($0 + $1 - 1) / $1 }
        guard !counts.contains(0) else { return [] }
        var origins: [[Int]] = []
        var index = [Int](repeating: 0, count: shape.count)
        while true {
            origins.append(zip(index, chunkShape).map(*))
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < counts[d] { break }
                index[d] = 0
                d -= 1
            }
            if d < 0 { return origins }
        }
    }

    /// Calls `body(inChunk, inDataset, count)` for each run of elements of the chunk at
    /// `origin` that lie inside the dataset, with the run's offsets (in elements) in the
    /// chunk and in the dataset: the trailing dimensions in which the chunk spans the whole
    /// dataset make one run with the dimension before them.
    func forEachRun(of origin: [Int], _ body: (_ inChunk: Int, _ inDataset: Int, _ count: Int) -> Void) {
        let rank = shape.count
        let extent = (0..<rank).map { min(chunkShape[$0], shape[$0] - origin[$0]) }
        guard extent.allSatisfy({ $0 > 0 }) else { return }
        var inner = rank - 1
        while inner > 0 && chunkShape[inner] == shape[inner] { inner -= 1 }
        let run = extent[inner...].reduce(1, *)
        var position = [Int](repeating: 0, count: rank)
        while true {
            var inChunk = 0, inDataset = 0
            for d in 0..<rank {
                inChunk = inChunk * chunkShape[d] + position[d]
                inDataset = inDataset * shape[d] + origin[d] + position[d]
            }
            body(inChunk, inDataset, run)
            var d = inner - 1
            while d >= 0 {
                position[d] += 1
                if position[d] < extent[d] { break }
                position[d] = 0
                d -= 1
            }
            if d < 0 { return }
        }
    }
}
