import ReguaTesting
import Testing

@testable import Regua

/// The size of an explanation as a condition grows: bounded by a constant times the rule file,
/// in JSON and in text, because a trace names each part of a condition by where it is written
/// instead of writing it again at every level.
@Suite("Scaling of explain with long conditions")
struct ExplainScalingTests {
  /// A rule file whose step conditions are `balance > 1 and balance > 2 and …`, `terms`
  /// comparisons each (a left-deep chain: `terms` levels of `and`), all evaluated; its pause
  /// rule is such a chain of `<` whose first comparison is false, the rest not evaluated.
  static func ruleFile(terms: Int) -> String {
    let chain = (1...terms).map { "balance > \($0)" }.joined(separator: " and ")
    let never = (1...terms).map { "balance < \($0)" }.joined(separator: " and ")
    return """
      cadence "long" version 1
        D+5 email x when \(chain) as s
        D+6 email y unless \(chain) or disputed as t
        pause when \(never)

      """
  }

  static func explanation(terms: Int) throws -> (input: Int, explanation: Explanation) {
    let text = ruleFile(terms: terms)
    let file = RuleCompiler.compile(SourceFile(path: "long.regua", text: text))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let cadence = try #require(file.cadences.first)
    let invoice = try Invoice.make(due: "2026-03-10")
    return (text.utf8.count, try Evaluator(cadence).explain(invoice, on: day("2026-03-16")))
  }

  // A part of a condition was written again at every level above it: 40 terms gave OLDJ40 bytes
  // of JSON and OLDT40 of text, 200 terms OLDJ200 and OLDT200.
  @Test("explain --json is at most 32 times the rule file, however long the condition", arguments: [40, 200])
  func json(terms: Int) throws {
    let (input, explanation) = try ExplainScalingTests.explanation(terms: terms)
    let output = explanation.jsonLine.utf8.count
    #expect(output <= 32 * input, "\(output) bytes of JSON for \(input) bytes of rules")
  }

  @Test("explain's text is at most 4 times the rule file, however long the condition", arguments: [40, 200])
  func text(terms: Int) throws {
    let (input, explanation) = try ExplainScalingTests.explanation(terms: terms)
    let output = explanation.report.utf8.count
    #expect(output <= 4 * input, "\(output) bytes of text for \(input) bytes of rules")
  }

  @Test("five times the condition gives at most five times the output, in JSON and in text")
  func proportional() throws {
    let (smallInput, small) = try ExplainScalingTests.explanation(terms: 40)
    let (largeInput, large) = try ExplainScalingTests.explanation(terms: 200)
    let inputRatio = Double(largeInput) / Double(smallInput)
    let jsonRatio = Double(large.jsonLine.utf8.count) / Double(small.jsonLine.utf8.count)
    let textRatio = Double(large.report.utf8.count) / Double(small.report.utf8.count)
    #expect(jsonRatio <= 1.1 * inputRatio, "JSON grew \(jsonRatio)× for \(inputRatio)× the rules")
    #expect(textRatio <= 1.1 * inputRatio, "text grew \(textRatio)× for \(inputRatio)× the rules")
  }

  @Test("a chain of one connective reads as one list of parts, each written once")
  func flatChain() throws {
    let (_, explanation) = try ExplainScalingTests.explanation(terms: 5)
    let lines = explanation.report.split(separator: "\n")
    let parts = lines.filter { $0.contains("balance 1000.00 > ") }
    #expect(parts.count == 10, "five parts of the `when`, five of the `unless`")
    let depths = parts.map { $0.prefix { $0 == " " }.count }
    #expect(Set(depths.prefix(5)).count == 1, "the parts of the `when` at one depth")
    #expect(Set(depths.suffix(5)).count == 1, "the parts of the `unless`'s chain at one depth, under its `or`")
    #expect(!lines.contains { $0.contains("balance > 1 and balance > 2 → ") }, "a part of the chain not written again")
    let step = try #require(explanation.steps.first { $0.id == "s" })
    let json = step.json.serialized
    #expect(json.components(separatedBy: "balance > 1 and").count == 3, "in the root's expression and text only")
  }
}
