import KernelLoops

/// The forward form of the fast convolutions: `out[m][q] = start[m] + Σ_k A[m][k]·B[k][q]`,
/// where A is a ``WeightMatrix`` and B the implicit im2col matrix that a ``TapLayout``
/// reads from a ``PlaneBuffer``: no im2col copy is made, each column vector of B is one
/// unaligned load from the planes, each element of A one broadcast from the weight.
///
/// Every element is one chain `acc = acc.addingProduct(A[m][k], B[k][q])` for k ascending
/// from `start[m]`, computed by exactly one lane of one register tile of one task
/// (``ProductOperands``), so the result depends neither on the thread count nor on the
/// kernel path.
struct TapProduct {
    /// A.
    let matrix: WeightMatrix
    /// B; its ``TapLayout/rowCount`` equals `matrix.columnCount`.
    let layout: TapLayout
    /// Where element `(m, gy, gx)` of the product goes in the output.
    let placement: OutputPlacement

    /// A product.
    init(matrix: WeightMatrix, layout: TapLayout, placement: OutputPlacement) {
        precondition(matrix.columnCount == layout.rowCount, "weight columns do not match the taps")
        self.matrix = matrix
        self.layout = layout
        self.placement = placement
    }

    /// The product's register-tile panels cut into tasks of up to 4 row panels by up to 16
    /// column panels: a task reads its rows of A for every column panel and keeps the
    /// columns of B that it reads in cache for every row panel (see ``ProductOperands``).
    /// Blocks get fewer rows while there would be fewer than eight tasks per thread: the
    /// threads finish a region within a small task of each other (the second thread of a
    /// training step spent 10% of its time waiting with two per thread, 7% with eight). Neither
    /// the blocks nor the threads change a result.
    private func blocks(tile: TileShape, threads: Int) -> PanelBlocks {
        let rowPanels = (matrix.rows + tile.rows - 1) / tile.rows
        let columnPanels = (layout.columnSpan + tile.columns - 1) / tile.columns
        let columnPanelsPerBlock = max(1, min(16, columnPanels))
        let columnBlocks = (columnPanels + columnPanelsPerBlock - 1) / columnPanelsPerBlock
        var rowPanelsPerBlock = 4
        while rowPanelsPerBlock > 1,
              columnBlocks * ((rowPanels + rowPanelsPerBlock - 1) / rowPanelsPerBlock) < 8 * threads {
            rowPanelsPerBlock /= 2
        }
        return PanelBlocks(rowPanels: rowPanels, columnPanels: columnPanels, rowPanelsPerBlock: rowPanelsPerBlock,
                           columnPanelsPerBlock: columnPanelsPerBlock)
    }

    /// Computes `products` over the same weight and planes in one parallel run, writing
    /// their kept grid positions into `output`.
    /// - Parameters:
    ///   - products: the products; their placements must not overlap.
    ///   - weight: the scalars that the matrices read.
    ///   - source: the planes that the layouts read; large enough for their whole-tile reads.
    ///   - starts: the start value of each row's chains, or `nil` for 0.
    ///   - output: receives the kept positions (and nothing else: a caller that keeps every
    ///     position may hand over uninitialized scalars).
    ///   - kernels: the threads and the kernel path.
    /// - Complexity: O(rows·columnCount·paddedColumnSpan) fused multiply-adds per product.
    static func compute(_ products: [TapProduct], weight: [Float], source: PlaneBuffer, starts: [Float]?,
                        into output: BufferWriter<Float>, kernels: FastKernels) {
        weight.withReader { weight in
            source.scalars.withReader { source in
                compute(products, weight: weight, source: source, starts: starts, into: output, kernels: kernels)
            }
        }
    }

    /// ``compute(_:weight:source:starts:into:kernels:)`` on scalars that the caller holds:
    /// `source` must hold every product's ``TapLayout/requiredBufferCount`` elements.
    static func compute(_ products: [TapProduct], weight: BufferReader<Float>, source: BufferReader<Float>,
                        starts: [Float]?, into output: BufferWriter<Float>, kernels: FastKernels) {
        let path = kernels.path.tileKernels
        let tiles = products.map { path.tiles.fastest(rows: $0.matrix.rows, columns: $0.layout.columnSpan) }
        let blocks = zip(products, tiles).map { $0.blocks(tile: $1, threads: kernels.threadCount) }
        // Product i owns tasks firstTasks[i]..<firstTasks[i+1].
        var counted = [0]
        for (index, product) in products.enumerated() {
            counted.append(counted[index] + blocks[index].count)
            precondition(source.count >= product.layout.requiredBufferCount, "planes too short for the layout")
        }
        let firstTasks = counted
        let startValues = starts ?? [Float](repeating: 0, count: products.map(\.matrix.rows).max() ?? 0)
        // Every product's B offsets, then its A offsets, in one table.
        let offsets = products.flatMap { $0.layout.rowOffsets + $0.matrix.columnOffsets }
        startValues.withUnsafeBufferPointer { starts in
            offsets.withUnsafeBufferPointer { offsets in
                var next = offsets.start
                let operands = products.map { product in
                    let sourceOffsets = next
                    next += product.layout.rowCount
                    let weightOffsets = next
                    next += product.matrix.columnCount
                    return product.operands(weight: weight.start, weightOffsets: weightOffsets,
                                            source: source.start, sourceOffsets: sourceOffsets,
                                            starts: starts.start, output: output.start)
                }
                kernels.runner.run(taskCount: firstTasks[products.count]) { task in
                    var index = 0
                    while firstTasks[index + 1] <= task {
                        index += 1
                    }
                    let block = blocks[index].block(task - firstTasks[index])
                    path.product(operands[index], tile: tiles[index], rowPanels: block.rows,
                                 columnPanels: block.columns)
                }
            }
        }
    }

    /// The raw operands of this product, valid while the pointers are.
    private func operands(weight: UnsafePointer<Float>, weightOffsets: UnsafePointer<Int>,
                          source: UnsafePointer<Float>, sourceOffsets: UnsafePointer<Int>,
                          starts: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) -> ProductOperands {
        ProductOperands(
            weight: weight, rowStride: matrix.rowStride, weightOffsets: weightOffsets, source: source,
            sourceOffsets: sourceOffsets, depth: matrix.columnCount, rows: matrix.rows, starts: starts,
            output: output, gridHeight: layout.gridHeight, gridWidth: layout.gridWidth,
            gridRowStride: layout.rowStride, images: layout.images, imageRows: layout.imageRows,
            imageStep: placement.imageStride, channelStride: placement.channelStride, rowStep: placement.rowStep,
            columnStep: placement.columnStep, offset: placement.offset)
    }
}
