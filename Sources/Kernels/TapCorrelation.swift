import KernelLoops

/// The weight-gradient form of the fast convolutions for large grids:
/// `out[g][r] = Σ_p G[g][p]·B[r][p]` over the grid positions `p = (gy, gx)` in row-major
/// order, where B is the implicit im2col matrix that a ``TapLayout`` reads from a
/// ``PlaneBuffer`` and G a ``LaneMatrix``.
///
/// Rows of B are broadcast and each load of G gives a vector of values of g, so neither
/// operand is copied into im2col form; the price is one scalar store per output element,
/// small when the grid is large. Every element is one chain
/// `acc = acc.addingProduct(B[r][p], G[g][p])` from 0 over the kept grid positions,
/// computed by exactly one lane of one register tile of one task (``CorrelationOperands``).
enum TapCorrelation {
    /// The tile for a correlation of `rows` rows of B with `channels` rows of G.
    static func tile(rows: Int, channels: Int, kernels: FastKernels) -> TileShape {
        kernels.path.tileKernels.tiles.fastest(rows: rows, columns: channels)
    }

    /// Computes the correlation into `output`, a row-major `[lanes.rows, layout.rowCount]`
    /// matrix.
    /// - Parameters:
    ///   - source: the planes that `layout` reads.
    ///   - layout: B; its grid has as many kept positions as `lanes` has columns.
    ///   - lanes: G, its lanes a whole number of `tile`'s columns.
    ///   - tile: the register tile, from ``tile(rows:channels:kernels:)``.
    ///   - output: the result, every element written (it may start uninitialized).
    ///   - kernels: the threads and the kernel path.
    /// - Complexity: O(layout.rowCount·lanes.laneCount·gridHeight·gridWidth) fused multiply-adds.
    static func compute(source: PlaneBuffer, layout: TapLayout, lanes: LaneMatrix, tile: TileShape,
                        into output: BufferWriter<Float>, kernels: FastKernels) {
        precondition(layout.gridHeight * layout.gridWidth == lanes.columns, "grid does not match the lane matrix")
        precondition(output.count == lanes.rows * layout.rowCount, "output does not match the product")
        precondition(lanes.laneCount % tile.columns == 0, "lanes are not whole tiles")
        let path = kernels.path.tileKernels
        let blocks = PanelBlocks(rowPanels: (layout.rowCount + tile.rows - 1) / tile.rows,
                                 columnPanels: lanes.laneCount / tile.columns,
                                 rowPanelsPerBlock: max(1, 24 / tile.rows),
                                 columnPanelsPerBlock: max(1, 64 / tile.columns))
        let rowOffsets = layout.rowOffsets
        source.scalars.withUnsafeBufferPointer { source in
            lanes.scalars.withUnsafeBufferPointer { g in
                rowOffsets.withUnsafeBufferPointer { offsets in
                    let operands = CorrelationOperands(
                        source: source.start, sourceOffsets: offsets.start, rows: layout.rowCount, lanes: g.start,
                        laneCount: lanes.laneCount, laneRows: lanes.rows, gridHeight: layout.gridHeight,
                        gridWidth: layout.gridWidth, gridRowStride: layout.rowStride, output: output.start)
                    kernels.runner.run(taskCount: blocks.count) { task in
                        let block = blocks.block(task)
                        path.correlation(operands, tile: tile, rowPanels: block.rows, lanePanels: block.columns)
                    }
                }
            }
        }
    }
}
