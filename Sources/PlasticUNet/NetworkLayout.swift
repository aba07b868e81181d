/// The convolutions of the plastic U-Net of docs/MODEL.md §2, in the order of the original
/// PyTorch module's `state_dict`.
///
/// Layer names: `BLOCK.conv` is a block's first convolution and `BLOCK.resU.convC` the
/// convolution C (1, 2) of its residual unit U (1, 2), for the blocks `down1`...`down4`,
/// `middle` and `up4`...`up1`; `STAGE.transpose` is an up stage's transposed convolution;
/// `output` is the final 1 x 1 convolution.
package enum NetworkLayout {
    /// The encoder and middle blocks: name, and the multiples of the width n of their
    /// input and output channels (input 0 means the one image channel).
    private static let downBlocks: [(name: String, input: Int, output: Int)] = [
        ("down1", 0, 1),
        ("down2", 1, 2),
        ("down3", 2, 4),
        ("down4", 4, 8),
        ("middle", 8, 16),
    ]

    /// The decoder stages: name, and the multiples of n of their input and output channels.
    private static let upStages: [(name: String, input: Int, output: Int)] = [
        ("up4", 16, 8),
        ("up3", 8, 4),
        ("up2", 4, 2),
        ("up1", 2, 1),
    ]

    /// Every convolution of a network of base width `width`.
    package static func convolutions(width n: Int) -> [ConvolutionLayer] {
        var layers: [ConvolutionLayer] = []
        for block in downBlocks {
            let input = block.input == 0 ? 1 : block.input * n
            layers += residualBlock(name: block.name, input: input, output: block.output * n)
        }
        for stage in upStages {
            let input = stage.input * n, output = stage.output * n
            layers.append(ConvolutionLayer(name: "\(stage.name).transpose", kind: .transposed3x3,
                                           inChannels: input, outChannels: output))
            layers += residualBlock(name: stage.name, input: input, output: output)
        }
        layers.append(ConvolutionLayer(name: "output", kind: .conv1x1, inChannels: n, outChannels: 1))
        return layers
    }

    /// `Block(a->b)`: a 3 x 3 convolution a->b, then two residual units of two 3 x 3
    /// convolutions b->b each.
    private static func residualBlock(name: String, input: Int, output: Int) -> [ConvolutionLayer] {
        var layers = [ConvolutionLayer(name: "\(name).conv", kind: .conv3x3, inChannels: input, outChannels: output)]
        for unit in 1...2 {
            for conv in 1...2 {
                layers.append(ConvolutionLayer(name: "\(name).res\(unit).conv\(conv)", kind: .conv3x3,
                                               inChannels: output, outChannels: output))
            }
        }
        return layers
    }
}
