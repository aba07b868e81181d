/// The forward form of the fast convolutions: `out[m][q] = start[m] + Σ_k A[m][k]·B[k][q]`,
/// where A is a ``WeightMatrix`` and B the implicit im2col matrix that a ``TapLayout``
/// reads from a ``PlaneBuffer``: no im2col copy is made, each column vector of B is one
/// unaligned load from the planes, each element of A one broadcast from the weight.
///
/// Every element is one chain `acc = acc.addingProduct(A[m][k], B[k][q])` for k ascending
/// from `start[m]`, computed by exactly one lane of one register tile of one task, so
/// the result does not depend on the thread count.
enum TapProduct {
    /// Rows of register-tile panels per task.
    private static let rowPanelsPerTask = 4
    /// Column panels (vectors) per task.
    private static let columnPanelsPerTask = 8

    /// Computes the product and writes its kept grid positions into `output`.
    /// - Parameters:
    ///   - weight: the scalars that `matrix` reads.
    ///   - matrix: A; its ``WeightMatrix/columnCount`` must equal `layout.rowCount`.
    ///   - source: the planes that `layout` reads; large enough for its whole-vector reads.
    ///   - layout: B.
    ///   - starts: the start value of each row's chains, or `nil` for 0.
    ///   - output: receives element `(m, gy, gx)` at `placement`'s index.
    ///   - placement: the output positions.
    ///   - runner: the threads.
    /// - Complexity: O(rows·columnCount·paddedColumnSpan) fused multiply-adds.
    static func compute(weight: [Float], matrix: WeightMatrix, source: PlaneBuffer, layout: TapLayout,
                        starts: [Float]?, into output: inout [Float], placement: OutputPlacement,
                        runner: ParallelRunner) {
        precondition(matrix.columnCount == layout.rowCount, "weight columns do not match the taps")
        precondition(source.scalars.count >= layout.requiredBufferCount, "planes too short for the layout")
        let rows = matrix.rows
        let tileRows = RegisterTile.rows
        let blocks = PanelBlocks(rowPanels: (rows + tileRows - 1) / tileRows,
                                 columnPanels: layout.paddedColumnSpan / Lanes.scalarCount,
                                 rowPanelsPerBlock: rowPanelsPerTask, columnPanelsPerBlock: columnPanelsPerTask)
        let rowOffsets = layout.rowOffsets
        let startValues = starts ?? [Float](repeating: 0, count: rows)
        output.withWriter { output in
            weight.withReader { a in
                source.scalars.withReader { b in
                    rowOffsets.withReader { bOffsets in
                        matrix.columnOffsets.withReader { aOffsets in
                            startValues.withReader { starts in
                                runner.run(taskCount: blocks.count) { task in
                                    let block = blocks.block(task)
                                    for panel in block.rows {
                                        let firstRow = panel * tileRows
                                        let validRows = min(tileRows, rows - firstRow)
                                        // Rows past the matrix repeat its first row; they are not stored.
                                        func base(_ r: Int) -> Int { (r < validRows ? firstRow + r : firstRow) * matrix.rowStride }
                                        let (a0, a1, a2, a3, a4, a5) = (base(0), base(1), base(2), base(3), base(4), base(5))
                                        for column in block.columns {
                                            let q = column * Lanes.scalarCount
                                            var tile = RegisterTile(starts: starts, first: firstRow, validRows: validRows)
                                            // Wrapping arithmetic: the indices are in bounds (checked in debug
                                            // builds), and overflow checks would cost more than the products.
                                            for k in 0..<aOffsets.count {
                                                let c = aOffsets[k]
                                                tile.addProducts(b.lanes(at: bOffsets[k] &+ q), a[a0 &+ c], a[a1 &+ c],
                                                                 a[a2 &+ c], a[a3 &+ c], a[a4 &+ c], a[a5 &+ c])
                                            }
                                            place(tile, rows: firstRow..<(firstRow + validRows), column: q,
                                                  layout: layout, placement: placement, output: output)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the kept positions of a tile whose lanes are columns `q..<q+Lanes.scalarCount`:
    /// whole rows with vector stores when the lanes are consecutive kept positions of one
    /// grid row and the output is dense along the row, one element at a time otherwise.
    @inline(__always)
    private static func place(_ tile: RegisterTile, rows: Range<Int>, column q: Int, layout: TapLayout,
                              placement: OutputPlacement, output: BufferWriter<Float>) {
        let (gy, gx) = q.quotientAndRemainder(dividingBy: layout.rowStride)
        if placement.columnStep == 1, gx + Lanes.scalarCount <= layout.gridWidth {
            tile.store(into: output, at: placement.index(channel: rows.lowerBound, row: gy, column: gx),
                       rowStride: placement.channelStride, validRows: rows.count)
            return
        }
        for lane in 0..<Lanes.scalarCount {
            let (y, x) = (q + lane).quotientAndRemainder(dividingBy: layout.rowStride)
            guard y < layout.gridHeight, x < layout.gridWidth else { continue }
            for r in 0..<rows.count {
                output[placement.index(channel: rows.lowerBound + r, row: y, column: x)] = tile.element(row: r, lane: lane)
            }
        }
    }
}
