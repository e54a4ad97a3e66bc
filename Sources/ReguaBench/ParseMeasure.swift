import BenchmarkSupport
import Foundation
import Regua

/// Measure (d): lexing, parsing and checking a generated rule file against `JSONDecoder`
/// decoding the same cadence written as JSON into plain structs.
enum ParseMeasure {
  /// A generated rule file that does not compile cleanly (a bug in the generator).
  struct InvalidRuleFile: Error, CustomStringConvertible {
    var description: String
  }

  static func parseVersusJSONDecoder(steps: Int, key: String, policy: TimingPolicy) throws -> Comparison {
    let cadence = try GeneratedCadence(steps: steps)
    let source = SourceFile(path: "generated-\(steps).regua", text: cadence.ruleText)
    let file = RuleCompiler.compile(source)
    guard file.isValid, file.cadences.count == 1, file.cadences[0].steps.count == steps else {
      let first = file.diagnostics.first.map { "line \($0.range.start.line): \($0.message)" } ?? "no cadence"
      throw InvalidRuleFile(description: "the generated \(steps)-step rule file does not compile: \(first)")
    }
    _ = try JSONDecoder().decode(GeneratedCadence.PlainCadence.self, from: cadence.json)
    let (ours, theirs) = Stopwatch.compare(
      policy,
      ours: { count in
        for _ in 0..<count {
          blackHole(RuleCompiler.compile(SourceFile(path: source.path, text: opaque(cadence.ruleText))))
        }
      },
      theirs: { count in
        for _ in 0..<count {
          blackHole(try? JSONDecoder().decode(GeneratedCadence.PlainCadence.self, from: opaque(cadence.json)))
        }
      })
    return Comparison(
      key: key, ours: "RuleCompiler.compile of a \(steps)-step rule file (\(cadence.ruleText.utf8.count) bytes)",
      theirs: "JSONDecoder of the same cadence as JSON (\(cadence.json.count) bytes)", oursTiming: ours,
      theirsTiming: theirs)
  }
}
