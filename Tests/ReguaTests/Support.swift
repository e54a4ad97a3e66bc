import Foundation
import Regua

/// The package's root directory, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Compiles a file of `Rules/`.
func loadRuleFile(_ name: String) throws -> RuleFile {
  let url = packageRoot.appendingPathComponent("Rules").appendingPathComponent(name)
  return RuleCompiler.compile(SourceFile(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
}

/// Reads a sample invoice of `Rules/samples/`.
func loadSampleInvoice(_ name: String) throws -> Invoice {
  try Invoice(json: Data(contentsOf: packageRoot.appendingPathComponent("Rules/samples").appendingPathComponent(name)))
}
