import Foundation
import Testing

/// The library's folders are layers: each may use the types of the layers above it, never those
/// of a layer below, so the language never depends on the engine, nor the engine on the tools
/// built on it. One module cannot enforce that, so this test does: it reads the sources, finds
/// the top-level types each folder declares, and reports every use of a lower layer's type in
/// code (comments and string literals aside).
@Suite("Layering")
struct LayeringTests {
  /// The folders of `Sources/Regua`, top layer first.
  static let layers = [
    "Text", "Model", "Vocabulary", "Diagnostics", "Language", "Calendar", "Compiler", "Builder", "Engine",
    "Engine/Simulation",
    "PolicyTests", "Lint", "RuleFiles", "Formatting", "Interchange", "Portfolio", "Rendering", "Reports",
  ]

  static var sources: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Regua")
  }

  /// Every Swift file of a folder, with its text.
  static func files(in layer: String) throws -> [(name: String, text: String)] {
    let folder = sources.appendingPathComponent(layer)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return try names.filter { $0.hasSuffix(".swift") }.sorted().map { name in
      (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
  }

  /// The top-level types a file declares.
  static func declaredTypes(_ text: String) -> [String] {
    let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
    var names: [String] = []
    for line in text.split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("//") {
      let words = line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
      if let index = words.firstIndex(where: { kinds.contains($0) }), index + 1 < words.count {
        names.append(String(words[index + 1]))
      }
    }
    return names
  }

  /// The identifiers a file's code uses: comments and string literals removed.
  static func identifiers(_ text: String) -> Set<String> {
    var code = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var inString = false
      var previous: Character = " "
      var kept = ""
      for character in line {
        if !inString, character == "/", previous == "/" {
          kept.removeLast()
          break
        }
        if character == "\"", previous != "\\" { inString.toggle() }
        if !inString, character != "\"" { kept.append(character) }
        previous = character
      }
      code += kept + "\n"
    }
    return Set(code.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init))
  }

  @Test("each folder of the library uses only the types of the folders above it")
  func layersOnlyLookUp() throws {
    var owner: [String: Int] = [:]
    for (index, layer) in LayeringTests.layers.enumerated() {
      for file in try LayeringTests.files(in: layer) {
        for name in LayeringTests.declaredTypes(file.text) { owner[name] = index }
      }
    }
    #expect(owner["Evaluator"] != nil && owner["Invoice"] != nil, "the test found no sources")
    let folders = try FileManager.default.contentsOfDirectory(atPath: LayeringTests.sources.path)
    let unknown = folders.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".docc") && !LayeringTests.layers.contains($0) }
    #expect(unknown.isEmpty, "folders with no place in the layering: \(unknown)")
    var violations: [String] = []
    for (index, layer) in LayeringTests.layers.enumerated() {
      for file in try LayeringTests.files(in: layer) {
        for name in LayeringTests.identifiers(file.text).sorted() {
          if let below = owner[name], below > index {
            violations.append("\(layer)/\(file.name) uses `\(name)` of \(LayeringTests.layers[below])")
          }
        }
      }
    }
    #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
  }
}
