// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Regua",
  platforms: [.macOS(.v13), .iOS(.v16)],
  products: [
    .library(name: "Regua", targets: ["Regua"]),
    .library(name: "ReguaTesting", targets: ["ReguaTesting"]),
    .executable(name: "regua", targets: ["ReguaCLI"]),
    .executable(name: "regua-bench", targets: ["ReguaBench"]),
  ],
  targets: [
    .target(name: "Regua"),
    .target(name: "ReguaTesting", dependencies: ["Regua"]),
    .executableTarget(name: "ReguaCLI", dependencies: ["Regua"]),
    // The benchmark: `swift run -c release regua-bench`. `BenchmarkSupport` holds the black hole in
    // a module of its own, so the optimiser cannot see through it; `AllocationCounter` counts heap
    // allocations (glibc only) and is linked into the benchmark alone.
    .target(name: "BenchmarkSupport"),
    .target(name: "AllocationCounter"),
    .executableTarget(name: "ReguaBench", dependencies: ["Regua", "BenchmarkSupport", "AllocationCounter"]),
    // Rendering snapshots are read by the tests from the source tree, not bundled.
    .testTarget(name: "ReguaTests", dependencies: ["Regua", "ReguaTesting"], exclude: ["Rendering/Snapshots"]),
    .testTarget(name: "ReguaTestingTests", dependencies: ["ReguaTesting"]),
    .testTarget(name: "ReguaCLITests", dependencies: ["Regua", "ReguaCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
