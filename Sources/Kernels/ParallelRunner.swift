import Synchronization

/// Runs a fixed list of independent tasks on up to `threadCount` threads.
///
/// Which thread runs a task never changes a result: every output element belongs to
/// exactly one task, and the tasks are cut from the problem's shape alone.
struct ParallelRunner: Sendable {
    /// The most threads that run at once.
    let threadCount: Int

    /// Calls `body(task)` once for every task in `0..<taskCount`.
    ///
    /// The threads take the tasks in order, one at a time, as each finishes its last: a
    /// thread that starts late (a worker waking from sleep) takes fewer, and none waits for
    /// another while tasks remain.
    /// - Parameters:
    ///   - taskCount: the number of tasks, at least 0.
    ///   - body: the task; tasks run concurrently and must write disjoint memory.
    func run(taskCount: Int, _ body: @Sendable (Int) -> Void) {
        run(taskCount: taskCount) { _, task in body(task) }
    }

    /// ``run(taskCount:_:)`` with the part that runs each task, one of
    /// `0..<parts(taskCount:)`: a part runs its tasks one after another, so that they can
    /// share memory of the part's own.
    func run(taskCount: Int, _ body: @Sendable (_ part: Int, _ task: Int) -> Void) {
        let workers = parts(taskCount: taskCount)
        guard workers > 1 else {
            for task in 0..<taskCount { body(0, task) }
            return
        }
        let next = Atomic<Int>(0)
        WorkerPool.shared.run(parts: workers) { part in
            while true {
                let task = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard task < taskCount else { return }
                body(part, task)
            }
        }
    }

    /// The parts that run `taskCount` tasks (at least 1).
    func parts(taskCount: Int) -> Int {
        max(1, min(threadCount, taskCount))
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
}
