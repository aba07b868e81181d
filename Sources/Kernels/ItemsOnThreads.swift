/// Independent items computed on the worker pool, each on one thread: what
/// ``FastKernels/mapOnThreads(count:_:)`` does (the images of a prediction, one per thread).
enum ItemsOnThreads {
    /// `body(item, kernels)` for every item of `0..<count` on `runner`'s threads; the results
    /// in item order.
    static func map<Result>(count: Int, runner: ParallelRunner, kernels: any ConvolutionKernels,
                            _ body: (Int, any ConvolutionKernels) -> Result) -> [Result] {
        let results = Results<Result>(count: count)
        withoutActuallyEscaping(body) { body in
            let work = Work(body: body)
            runner.run(taskCount: count) { item in
                results.values[item] = work.body(item, kernels)
            }
        }
        return results.values.map { value in
            guard let value else { preconditionFailure("an item did not run") }
            return value
        }
    }

    /// The computation, which runs on the pool's threads: its items touch nothing that
    /// another touches but their own result.
    private struct Work<Result>: @unchecked Sendable {
        let body: (Int, any ConvolutionKernels) -> Result
    }

    /// The results, each element written by its own item.
    private final class Results<Result>: @unchecked Sendable {
        var values: [Result?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }
    }
}
