/// Runs a fixed list of independent tasks on up to `threadCount` threads.
///
/// Which thread runs a task never changes a result: every output element belongs to
/// exactly one task, and the tasks are cut from the problem's shape alone.
struct ParallelRunner: Sendable {
    /// The most threads that run at once.
    let threadCount: Int

    /// Calls `body(task)` once for every task in `costs.indices`.
    ///
    /// Each thread runs one contiguous range of tasks, the ranges cut so that their total
    /// costs are as equal as the task boundaries allow (neighbouring tasks tend to share
    /// cached operands).
    /// - Parameters:
    ///   - costs: the relative cost of each task, at least 0.
    ///   - body: the task; tasks run concurrently and must write disjoint memory.
    func run(costs: [Int], _ body: @Sendable (Int) -> Void) {
        let workers = min(threadCount, costs.count)
        guard workers > 1 else {
            for task in costs.indices { body(task) }
            return
        }
        // Worker w runs the tasks whose cost-weighted midpoints fall in its share.
        let total = costs.reduce(0, +)
        var starts = [Int](repeating: costs.count, count: workers + 1)
        var worker = 0
        var before = 0
        for (task, cost) in costs.enumerated() {
            while worker < workers, 2 * before + cost >= 2 * total * worker / workers {
                starts[worker] = task
                worker += 1
            }
            before += cost
        }
        let boundaries = starts
        WorkerPool.shared.run(parts: workers) { worker in
            for task in boundaries[worker]..<boundaries[worker + 1] {
                body(task)
            }
        }
    }

    /// Calls `body(task)` once for every task in `0..<taskCount`, all of one cost.
    func run(taskCount: Int, _ body: @Sendable (Int) -> Void) {
        run(costs: [Int](repeating: 1, count: taskCount), body)
    }
}

/// A grid of register-tile panels (row panels by column panels) cut into fixed
/// rectangular blocks, one block per task.
struct PanelBlocks {
    /// Row panels in the grid.
    let rowPanels: Int
    /// Column panels in the grid.
    let columnPanels: Int
    /// Row panels per block (the last block of a column may have fewer).
    let rowPanelsPerBlock: Int
    /// Column panels per block (the last block of a row may have fewer).
    let columnPanelsPerBlock: Int

    private var rowBlocks: Int { (rowPanels + rowPanelsPerBlock - 1) / rowPanelsPerBlock }
    private var columnBlocks: Int { (columnPanels + columnPanelsPerBlock - 1) / columnPanelsPerBlock }

    /// The number of blocks.
    var count: Int { rowBlocks * columnBlocks }

    /// The row panels and column panels of block `index` (blocks run along the columns first).
    func block(_ index: Int) -> (rows: Range<Int>, columns: Range<Int>) {
        let (rowBlock, columnBlock) = index.quotientAndRemainder(dividingBy: columnBlocks)
        let firstRow = rowBlock * rowPanelsPerBlock
        let firstColumn = columnBlock * columnPanelsPerBlock
        return (firstRow..<min(firstRow + rowPanelsPerBlock, rowPanels),
                firstColumn..<min(firstColumn + columnPanelsPerBlock, columnPanels))
    }

    /// The number of register tiles in each block, in block order.
    var tileCounts: [Int] {
        (0..<count).map { index in
            let block = block(index)
            return block.rows.count * block.columns.count
        }
    }
}
