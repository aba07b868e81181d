import PortableMath
import RandomStreams

/// The salt of a synthetic image: one or two smooth, irregular, star-shaped bodies.
///
/// A body has a centre (inside the image, above its top or beside it, so that bodies
/// also come in from the top and the sides), an aspect ratio, and an outline radius
/// `R(u) = exp(Σ_k a_k cos kθ + b_k sin kθ)` (k = 1...10, a_k and b_k normal with
/// deviation 0.35 / k) over the direction u = (cos θ, sin θ), computed as the powers of
/// the complex number u, so without trigonometry. A pixel's closeness to a body is
/// `R(u) / r` for its distance r from the centre in direction u; the salt is the
/// `saltPixels` pixels of greatest closeness (to either body), which is the body scaled
/// to exactly that many pixels.
enum SaltBody {
    private struct Star {
        let centerX: Double
        let centerY: Double
        let stretchX: Double
        let stretchY: Double
        let weight: Double
        let cosineTerms: [Double]
        let sineTerms: [Double]

        init(size: Double, weight: Double, stream: inout RandomStream) {
            let placement = stream.nextDouble()
            let along = size * stream.nextDouble(), outside = 0.35 * size * stream.nextDouble()
            if placement < 0.35 {
                (centerX, centerY) = (along, -outside)
            } else if placement < 0.55 {
                (centerX, centerY) = (stream.nextDouble() < 0.5 ? -outside : size + outside, along)
            } else {
                (centerX, centerY) = (size * (0.15 + 0.7 * stream.nextDouble()), size * (0.15 + 0.7 * stream.nextDouble()))
            }
            let aspect = PortableMath.exp(0.4 * stream.nextNormal())
            (stretchX, stretchY) = (aspect, 1 / aspect)
            self.weight = weight
            cosineTerms = (1...10).map { 0.35 / Double($0) * stream.nextNormal() }
            sineTerms = (1...10).map { 0.35 / Double($0) * stream.nextNormal() }
        }

        func closeness(x: Double, y: Double) -> Double {
            let dx = (x - centerX) / stretchX, dy = (y - centerY) / stretchY
            let distance = (dx * dx + dy * dy).squareRoot()
            guard distance > 0 else { return .infinity }
            let ux = dx / distance, uy = dy / distance
            // (real + i imaginary) runs through the powers of u = ux + i uy: cos kθ + i sin kθ.
            var real = 1.0, imaginary = 0.0
            var exponent = 0.0
            for k in cosineTerms.indices {
                let nextReal = real * ux - imaginary * uy
                imaginary = real * uy + imaginary * ux
                real = nextReal
                exponent += cosineTerms[k] * real + sineTerms[k] * imaginary
            }
            return weight * PortableMath.exp(exponent) / distance
        }
    }

    /// A row-major mask of `size * size` values with exactly `saltPixels` ones.
    /// - Complexity: O(size² log size).
    static func mask(size: Int, saltPixels: Int, stream: inout RandomStream) -> [UInt8] {
        let side = Double(size)
        var stars = [Star(size: side, weight: 1, stream: &stream)]
        if stream.nextDouble() < 0.25 {
            stars.append(Star(size: side, weight: 0.4 + 0.6 * stream.nextDouble(), stream: &stream))
        }
        var closeness = [Double](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size {
                var closest = 0.0
                for star in stars { closest = max(closest, star.closeness(x: Double(x), y: Double(y))) }
                closeness[y * size + x] = closest
            }
        }
        let closestFirst = closeness.indices.sorted {
            closeness[$0] != closeness[$1] ? closeness[$0] > closeness[$1] : $0 < $1
        }
        var mask = [UInt8](repeating: 0, count: size * size)
        for pixel in closestFirst.prefix(saltPixels) { mask[pixel] = 1 }
        return mask
    }
}
