/// The convolutions of the plastic U-Net of MODEL.md §2, in the order of the original
/// PyTorch module's `state_dict`.
public enum NetworkLayout {
    /// The encoder and middle blocks: file name, PyTorch prefix, and the multiples of the
    /// width n of their input and output channels (input 0 means the one image channel).
    private static let downBlocks: [(name: String, torch: String, input: Int, output: Int)] = [
        ("down1", "conv1.dconv", 0, 1),
        ("down2", "conv2.dconv", 1, 2),
        ("down3", "conv3.dconv", 2, 4),
        ("down4", "conv4.dconv", 4, 8),
        ("middle", "mid.mconv", 8, 16),
    ]

    /// The decoder stages: file name, PyTorch prefix, and the multiples of n of their
    /// input and output channels.
    private static let upStages: [(name: String, torch: String, input: Int, output: Int)] = [
        ("up4", "uconv4", 16, 8),
        ("up3", "uconv3", 8, 4),
        ("up2", "uconv2", 4, 2),
        ("up1", "uconv1", 2, 1),
    ]

    /// Every convolution of a network of base width `width`.
    public static func convolutions(width n: Int) -> [ConvolutionLayer] {
        var layers: [ConvolutionLayer] = []
        for block in downBlocks {
            let input = block.input == 0 ? 1 : block.input * n
            layers += residualBlock(name: block.name, torch: block.torch,
                                    input: input, output: block.output * n)
        }
        for stage in upStages {
            let input = stage.input * n, output = stage.output * n
            layers.append(ConvolutionLayer(name: "\(stage.name).transpose", torchPrefix: "\(stage.torch).dconv",
                                           kind: .transposed3x3, inChannels: input, outChannels: output))
            layers += residualBlock(name: stage.name, torch: "\(stage.torch).uconv.1.mconv",
                                    input: input, output: output)
        }
        layers.append(ConvolutionLayer(name: "output", torchPrefix: "outc.conv", kind: .conv1x1,
                                       inChannels: n, outChannels: 1))
        return layers
    }

    /// `Block(a->b)`: a 3 x 3 convolution a->b, then two residual units of two 3 x 3
    /// convolutions b->b each.
    private static func residualBlock(name: String, torch: String, input: Int,
                                      output: Int) -> [ConvolutionLayer] {
        var layers = [ConvolutionLayer(name: "\(name).conv", torchPrefix: "\(torch).0", kind: .conv3x3,
                                       inChannels: input, outChannels: output)]
        for unit in 1...2 {
            for conv in 1...2 {
                layers.append(ConvolutionLayer(name: "\(name).res\(unit).conv\(conv)",
                                               torchPrefix: "\(torch).\(unit).conv.\(conv).conv",
                                               kind: .conv3x3, inChannels: output, outChannels: output))
            }
        }
        return layers
    }
}
