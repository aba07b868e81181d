/// The weight-gradient form of the fast convolutions for large grids:
/// `out[g][r] = Σ_p G[g][p]·B[r][p]` over the grid positions `p = (gy, gx)` in row-major
/// order, where B is the implicit im2col matrix that a ``TapLayout`` reads from a
/// ``PlaneBuffer`` and G a ``LaneMatrix``.
///
/// Rows of B are broadcast and each load of G gives `Lanes.scalarCount` values of g, so
/// neither operand is copied into im2col form; the price is one scalar store per output
/// element, small when the grid is large. Every element is one chain
/// `acc = acc.addingProduct(B[r][p], G[g][p])` from 0 over the kept grid positions,
/// computed by exactly one lane of one register tile of one task.
enum TapCorrelation {
    /// Row panels per task.
    private static let rowPanelsPerTask = 4
    /// Lane vectors per task.
    private static let lanePanelsPerTask = 4

    /// Computes the correlation into `output`, a row-major `[lanes.rows, layout.rowCount]`
    /// matrix.
    /// - Parameters:
    ///   - source: the planes that `layout` reads.
    ///   - layout: B; its grid has as many kept positions as `lanes` has columns.
    ///   - lanes: G.
    ///   - output: the result.
    ///   - runner: the threads.
    /// - Complexity: O(layout.rowCount·lanes.laneCount·gridHeight·gridWidth) fused multiply-adds.
    static func compute(source: PlaneBuffer, layout: TapLayout, lanes: LaneMatrix, into output: inout [Float],
                        runner: ParallelRunner) {
        precondition(layout.gridHeight * layout.gridWidth == lanes.columns, "grid does not match the lane matrix")
        precondition(output.count == lanes.rows * layout.rowCount, "output does not match the product")
        let rows = layout.rowCount
        let laneCount = lanes.laneCount
        let tileRows = RegisterTile.rows
        let blocks = PanelBlocks(rowPanels: (rows + tileRows - 1) / tileRows,
                                 columnPanels: laneCount / Lanes.scalarCount,
                                 rowPanelsPerBlock: rowPanelsPerTask, columnPanelsPerBlock: lanePanelsPerTask)
        let rowOffsets = layout.rowOffsets
        let (gridHeight, gridWidth, rowStride) = (layout.gridHeight, layout.gridWidth, layout.rowStride)
        output.withWriter { output in
            source.scalars.withReader { b in
                lanes.scalars.withReader { g in
                    rowOffsets.withReader { offsets in
                        runner.run(costs: blocks.tileCounts) { task in
                            let block = blocks.block(task)
                            for panel in block.rows {
                                let firstRow = panel * tileRows
                                let validRows = min(tileRows, rows - firstRow)
                                // Rows past the matrix repeat its first row; they are not stored.
                                func base(_ r: Int) -> Int { offsets[r < validRows ? firstRow + r : firstRow] }
                                let (b0, b1, b2, b3, b4, b5) = (base(0), base(1), base(2), base(3), base(4), base(5))
                                for lanePanel in block.columns {
                                    var tile = RegisterTile()
                                    let firstLane = lanePanel * Lanes.scalarCount
                                    var gi = firstLane
                                    for gy in 0..<gridHeight {
                                        var o = gy * rowStride
                                        for _ in 0..<gridWidth {
                                            // Wrapping arithmetic: see TapProduct.
                                            tile.addProducts(g.vector(at: gi), b[b0 &+ o], b[b1 &+ o], b[b2 &+ o],
                                                             b[b3 &+ o], b[b4 &+ o], b[b5 &+ o])
                                            o &+= 1
                                            gi &+= laneCount
                                        }
                                    }
                                    tile.withElements { elements in
                                        for lane in 0..<min(Lanes.scalarCount, lanes.rows - firstLane) {
                                            for r in 0..<validRows {
                                                output[(firstLane + lane) * rows + firstRow + r] =
                                                    elements[r * Lanes.scalarCount + lane]
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
    }
}
