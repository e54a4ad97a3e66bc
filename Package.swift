// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Regua",
  platforms: [.macOS(.v13), .iOS(.v16)],
  products: [
    .library(name: "Regua", targets: ["Regua"]),
    .library(name: "ReguaTesting", targets: ["ReguaTesting"]),
    .executable(name: "regua", targets: ["ReguaCLI"]),
  ],
  targets: [
    .target(name: "Regua"),
    .target(name: "ReguaTesting", dependencies: ["Regua"]),
    .executableTarget(name: "ReguaCLI", dependencies: ["Regua"]),
    .testTarget(name: "ReguaTests", dependencies: ["Regua", "ReguaTesting"]),
    .testTarget(name: "ReguaTestingTests", dependencies: ["ReguaTesting"]),
    .testTarget(name: "ReguaCLITests", dependencies: ["Regua", "ReguaCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
