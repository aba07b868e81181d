/// The forward form of the fast convolutions: `out[m][q] = start[m] + Σ_k A[m][k]·B[k][q]`,
/// where A is a ``WeightMatrix`` and B the implicit im2col matrix that a ``TapLayout``
/// reads from a ``PlaneBuffer``: no im2col copy is made, each column vector of B is one
/// unaligned load from the planes, each element of A one broadcast from the weight.
///
/// Every element is one chain `acc = acc.addingProduct(A[m][k], B[k][q])` for k ascending
/// from `start[m]`, computed by exactly one lane of one register tile of one task, so
/// the result does not depend on the thread count.
struct TapProduct {
    /// A.
    let matrix: WeightMatrix
    /// B; its ``TapLayout/rowCount`` equals `matrix.columnCount`.
    let layout: TapLayout
    /// Where element `(m, gy, gx)` of the product goes in the output.
    let placement: OutputPlacement

    /// Rows of register-tile panels per task.
    private static let rowPanelsPerTask = 4
    /// Column panels (vectors) per task.
    private static let columnPanelsPerTask = 8

    /// A product.
    init(matrix: WeightMatrix, layout: TapLayout, placement: OutputPlacement) {
        precondition(matrix.columnCount == layout.rowCount, "weight columns do not match the taps")
        self.matrix = matrix
        self.layout = layout
        self.placement = placement
    }

    /// The product's register-tile panels cut into tasks.
    private var blocks: PanelBlocks {
        PanelBlocks(rowPanels: (matrix.rows + RegisterTile.rows - 1) / RegisterTile.rows,
                    columnPanels: layout.paddedColumnSpan / Lanes.scalarCount,
                    rowPanelsPerBlock: Self.rowPanelsPerTask, columnPanelsPerBlock: Self.columnPanelsPerTask)
    }

    /// Computes `products` over the same weight and planes in one parallel run, writing
    /// their kept grid positions into `output`.
    /// - Parameters:
    ///   - products: the products; their placements must not overlap.
    ///   - weight: the scalars that the matrices read.
    ///   - source: the planes that the layouts read; large enough for their whole-vector reads.
    ///   - starts: the start value of each row's chains, or `nil` for 0.
    ///   - output: receives the kept positions.
    ///   - runner: the threads.
    /// - Complexity: O(rows·columnCount·paddedColumnSpan) fused multiply-adds per product.
    static func compute(_ products: [TapProduct], weight: [Float], source: PlaneBuffer, starts: [Float]?,
                        into output: inout [Float], runner: ParallelRunner) {
        let blocks = products.map(\.blocks)
        // Product i owns tasks firstTasks[i]..<firstTasks[i+1]; a task costs its tiles'
        // chains plus the setting up and storing of each tile.
        var counted = [0]
        var costs: [Int] = []
        for (product, block) in zip(products, blocks) {
            counted.append(counted[counted.count - 1] + block.count)
            costs += block.tileCounts.map { $0 * (product.matrix.columnCount + RegisterTile.rows) }
        }
        let firstTasks = counted
        for product in products {
            precondition(source.scalars.count >= product.layout.requiredBufferCount, "planes too short for the layout")
        }
        let startValues = starts ?? [Float](repeating: 0, count: products.map(\.matrix.rows).max() ?? 0)
        let rowOffsets = products.map(\.layout.rowOffsets)
        output.withWriter { output in
            weight.withReader { a in
                source.scalars.withReader { b in
                    startValues.withReader { starts in
                        runner.run(costs: costs) { task in
                            var index = 0
                            while firstTasks[index + 1] <= task {
                                index += 1
                            }
                            rowOffsets[index].withReader { bOffsets in
                                products[index].matrix.columnOffsets.withReader { aOffsets in
                                    products[index].computeBlock(blocks[index].block(task - firstTasks[index]),
                                                                 a: a, aOffsets: aOffsets, b: b, bOffsets: bOffsets,
                                                                 starts: starts, output: output)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Computes the register tiles of one block and writes their kept positions.
    @inline(__always)
    private func computeBlock(_ block: (rows: Range<Int>, columns: Range<Int>), a: BufferReader<Float>,
                              aOffsets: BufferReader<Int>, b: BufferReader<Float>, bOffsets: BufferReader<Int>,
                              starts: BufferReader<Float>, output: BufferWriter<Float>) {
        let tileRows = RegisterTile.rows
        for panel in block.rows {
            let firstRow = panel * tileRows
            let validRows = min(tileRows, matrix.rows - firstRow)
            // Rows past the matrix repeat its first row; they are not stored.
            func base(_ r: Int) -> Int { (r < validRows ? firstRow + r : firstRow) * matrix.rowStride }
            let (a0, a1, a2, a3, a4, a5) = (base(0), base(1), base(2), base(3), base(4), base(5))
            for column in block.columns {
                let q = column * Lanes.scalarCount
                var tile = RegisterTile(starts: starts, first: firstRow, validRows: validRows)
                // Wrapping arithmetic: the indices are in bounds (checked in debug builds),
                // and overflow checks would cost more than the products.
                for k in 0..<aOffsets.count {
                    let c = aOffsets[k]
                    tile.addProducts(b.vector(at: bOffsets[k] &+ q), a[a0 &+ c], a[a1 &+ c],
                                     a[a2 &+ c], a[a3 &+ c], a[a4 &+ c], a[a5 &+ c])
                }
                place(tile, rows: firstRow..<(firstRow + validRows), column: q, output: output)
            }
        }
    }

    /// Writes the kept positions of a tile whose lanes are columns `q..<q+Lanes.scalarCount`:
    /// whole rows with vector stores when the lanes are consecutive kept positions of one
    /// grid row and the output is dense along the row, one element at a time otherwise.
    @inline(__always)
    private func place(_ tile: RegisterTile, rows: Range<Int>, column q: Int, output: BufferWriter<Float>) {
        var (y, x) = q.quotientAndRemainder(dividingBy: layout.rowStride)
        if placement.columnStep == 1, y < layout.gridHeight, x + Lanes.scalarCount <= layout.gridWidth {
            tile.store(into: output, at: placement.index(channel: rows.lowerBound, row: y, column: x),
                       rowStride: placement.channelStride, validRows: rows.count)
            return
        }
        tile.withElements { elements in
            for lane in 0..<Lanes.scalarCount {
                if y < layout.gridHeight, x < layout.gridWidth {
                    for r in 0..<rows.count {
                        output[placement.index(channel: rows.lowerBound + r, row: y, column: x)] =
                            elements[r * Lanes.scalarCount + lane]
                    }
                }
                x += 1
                if x == layout.rowStride {
                    (y, x) = (y + 1, 0)
                }
            }
        }
    }
}
