import Foundation

/// `1.000`, `10.000`, `250.000`: a number whose point is followed by exactly three digits reads,
/// to a Brazilian, as a thousands separator — but Regua reads a decimal point. `balance >= 1.000`
/// means R$ 1,00, and a 50.00 invoice gets the call meant for a thousand.
enum ThousandsSeparatorRule: LintRule {
  static let code = DiagnosticCode.thousandsSeparator
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for expression in file.expressions {
      for node in expression.allNodes {
        switch node {
        case .number(let text, let range), .money(let text, _, let range):
          if let warning = check(text, at: range) { warnings.append(warning) }
        default: break
        }
      }
    }
    return warnings
  }

  private static func check(_ text: String, at range: SourceRange) -> Diagnostic? {
    guard Habits.looksLikeThousands(text) else { return nil }
    let thousands = text.replacingOccurrences(of: ".", with: "")
    let decimal = text.dropLast()
    return warning(
      "`\(text)` means \(decimal), not \(thousands): the point is a decimal point", at: range,
      help: "for \(thousands), write `\(thousands).00`; for \(decimal), write `\(decimal)`")
  }
}
