import PortableMath
import RandomStreams

/// The layered background of a synthetic seismic image: a random reflectivity series
/// convolved with a Ricker wavelet (a seismic trace), its contrast varying with depth,
/// then bent into folds, tilted and shifted across faults, its strength varying gently
/// along the layers.
enum SedimentLayers {
    /// A fault: the pixels right of the line `x = position + slope * y` lie `throwDistance`
    /// deeper in the layering.
    private struct Fault {
        let position: Double
        let slope: Double
        let throwDistance: Double
    }

    /// `size * size` amplitudes, row-major, of root-mean-square about 1 or less, mean
    /// about 0.
    /// - Complexity: O(size²).
    static func amplitudes(size: Int, stream: inout RandomStream) -> [Double] {
        let side = Double(size)
        let trace = self.trace(length: 4 * size, stream: &stream)
        let dip = 0.5 * (stream.nextDouble() - 0.5)
        let foldAmplitude = side * (0.02 + 0.12 * stream.nextDouble())
        let foldGrowth = stream.nextDouble() - 0.5
        let folds = ValueNoise(width: side, height: 1, cellSize: side * (0.25 + 0.5 * stream.nextDouble()), stream: &stream)
        let faults = (0..<stream.nextInt(below: 3)).map { _ in
            Fault(position: side * (0.15 + 0.7 * stream.nextDouble()), slope: 1.2 * (stream.nextDouble() - 0.5),
                  throwDistance: side * (0.03 + 0.12 * stream.nextDouble()) * (stream.nextDouble() < 0.5 ? -1 : 1))
        }
        let lateral = ValueNoise(width: side, height: side, cellSize: side * (0.2 + 0.3 * stream.nextDouble()), stream: &stream)
        let fold = (0..<size).map { foldAmplitude * folds.value(x: Double($0), y: 0) }
        // The layering coordinate t stays within [-0.7 S, 1.7 S]; the trace covers [-1.5 S, 2.5 S).
        let origin = 1.5 * side
        var amplitudes = [Double](repeating: 0, count: size * size)
        for y in 0..<size {
            let row = Double(y)
            for x in 0..<size {
                let column = Double(x)
                var t = row + dip * (column - side / 2) + fold[x] * (1 + foldGrowth * row / side)
                for fault in faults where column > fault.position + fault.slope * row {
                    t += fault.throwDistance
                }
                let strength = 0.8 + 0.2 * lateral.value(x: column, y: row)
                amplitudes[y * size + x] = strength * interpolate(trace, at: t + origin)
            }
        }
        return amplitudes
    }

    /// A trace of `length` samples: sparse Gaussian reflection coefficients convolved
    /// with a Ricker wavelet, scaled to root-mean-square 1, times a smooth contrast in
    /// [0.7, 1].
    private static func trace(length: Int, stream: inout RandomStream) -> [Double] {
        let wavelength = 4 + 5 * stream.nextDouble()
        let density = 0.5 + 0.3 * stream.nextDouble()
        let halfWidth = Int(1.5 * wavelength) + 1
        let reflectivity = (0..<length + 2 * halfWidth).map { _ in stream.nextDouble() < density ? stream.nextNormal() : 0 }
        let wavelet = (-halfWidth...halfWidth).map { lag -> Double in
            let a = (3.141592653589793 * Double(lag) / wavelength) * (3.141592653589793 * Double(lag) / wavelength)
            return (1 - 2 * a) * PortableMath.exp(-a)
        }
        var trace = [Double](repeating: 0, count: length)
        for sample in 0..<length {
            var sum = 0.0
            for lag in 0..<wavelet.count { sum += reflectivity[sample + lag] * wavelet[lag] }
            trace[sample] = sum
        }
        let meanSquare = trace.reduce(0) { $0 + $1 * $1 } / Double(length)
        let scale = meanSquare > 0 ? 1 / meanSquare.squareRoot() : 0
        let contrast = ValueNoise(width: Double(length), height: 1,
                                  cellSize: Double(length) * (0.03 + 0.05 * stream.nextDouble()), stream: &stream)
        for sample in trace.indices {
            trace[sample] *= scale * (0.85 + 0.15 * contrast.value(x: Double(sample), y: 0))
        }
        return trace
    }

    /// `values` at the fractional position `position` by linear interpolation, clamped
    /// to the ends.
    private static func interpolate(_ values: [Double], at position: Double) -> Double {
        let clamped = min(max(position, 0), Double(values.count - 1))
        let index = min(Int(clamped), values.count - 2)
        let fraction = clamped - Double(index)
        return values[index] + fraction * (values[index + 1] - values[index])
    }
}
