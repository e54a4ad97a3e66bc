import Foundation

/// A comparison with a value the field never takes: `customer.kind == "PJ"` is never true (the
/// kind is `person`, `company` or empty), so its step never fires; `!=` is always true.
enum ImpossibleComparisonRule: LintRule {
  static let code = DiagnosticCode.impossibleComparison
  /// The values `customer.kind` takes.
  static let kinds: Set<String> = ["person", "company", ""]

  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for expression in file.expressions {
      for node in expression.allNodes {
        switch node {
        case .comparison(let a, let op, let b, _) where op == .equal || op == .notEqual:
          guard let value = kindValue(a, b) ?? kindValue(b, a), !kinds.contains(value) else { continue }
          let truth = op == .equal ? "never" : "always"
          warnings.append(
            warning(
              "`customer.kind` is never `\(value)`: the comparison is \(truth) true", at: a.range.extended(to: b.range),
              help: help(for: value, op: op)))
        case .membership(.name("customer.kind", _), let list, let range):
          for case .string(let value, let valueRange) in list where !kinds.contains(value) {
            warnings.append(
              warning(
                "`customer.kind` is never `\(value)`: this value of the list never matches", at: valueRange,
                help: help(for: value, op: .equal), notes: ["the list is at column \(range.start.column)"]))
          }
        default: break
        }
      }
    }
    return warnings
  }

  /// The string compared with `customer.kind`, when `field` is that name and `value` a string.
  private static func kindValue(_ field: ExpressionSyntax, _ value: ExpressionSyntax) -> String? {
    guard case .name("customer.kind", _) = field, case .string(let text, _) = value else { return nil }
    return text
  }

  /// The kind a Brazilian abbreviation or a Portuguese word means, when it is one.
  private static func help(for value: String, op: ComparisonOperator) -> String {
    let lower = value.lowercased().folding(options: .diacriticInsensitive, locale: nil)
    let meant: String? =
      switch lower {
      case "pj", "empresa", "juridica", "pessoa juridica", "business", "corporate", "b2b": "company"
      case "pf", "pessoa", "fisica", "pessoa fisica", "individual", "consumer", "b2c": "person"
      default: nil
      }
    if let meant { return "write `customer.kind \(op.rawValue) \"\(meant)\"`" }
    return "the kinds are `\"person\"` and `\"company\"` (`\"\"` when the customer has none)"
  }
}
