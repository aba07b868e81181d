import TGSData
import Training

/// Where a step of a run falls: its epoch, its place in the epoch, its image.
package struct StepPosition: Equatable, Sendable {
    /// The step, from 1.
    package let step: Int
    /// The epoch, from 1.
    package let epoch: Int
    /// The step's place in its epoch, from 1.
    package let indexInEpoch: Int
    /// The steps of an epoch.
    package let stepsPerEpoch: Int
    /// The image of the step.
    package let id: String

    /// The position of step `step` (from 1) of a run of `options` on `split`, from the
    /// epochs' orders; nil when the split has no training image.
    package init?(step: Int, options: TrainingOptions, split: DataSplit) {
        let perEpoch = split.trainIDs.count
        guard perEpoch > 0, step >= 1 else { return nil }
        let epoch = (step - 1) / perEpoch, index = (step - 1) % perEpoch
        self.step = step
        self.epoch = epoch + 1
        indexInEpoch = index + 1
        stepsPerEpoch = perEpoch
        id = options.order(ofEpoch: epoch, trainIDs: split.trainIDs)[index]
    }

    /// `step 14 (epoch 2, image 2 of 12, id 4d666f36e6)`.
    package var description: String {
        "step \(step) (epoch \(epoch), image \(indexInEpoch) of \(stepsPerEpoch), id \(id))"
    }
}
