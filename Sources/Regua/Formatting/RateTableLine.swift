/// The canonical text of a rate table declaration's lines: the name quoted, one space between
/// the header's parts; each line's period padded to the table's widest, two spaces, and its rate
/// as written, so that a table's rates start in one column.
enum RateTableLine {
  /// `rates "taxa-legal" per month`, or the header as written when it did not parse.
  static func printedHeader(_ table: RateTableSyntax) -> String {
    if let broken = table.brokenHeader { return broken }
    return "rates \(SyntaxPrinter.quoted(table.name)) per \(table.period.rawValue)"
  }

  /// The widest period of a table's lines: 7 for `2026-H1`, 4 for a table of years.
  static func keyWidth(_ table: RateTableSyntax) -> Int {
    table.items.reduce(0) { width, item in
      guard case .rate(let line) = item.kind else { return width }
      return max(width, line.key.text.count)
    }
  }

  /// `2026-01  0.5%`, `2026-H1  3.15%`, `2026     2.15%` (with `keyWidth` 7), or an error line as
  /// written.
  static func printed(_ kind: RateItemSyntax.Kind, keyWidth: Int) -> String {
    switch kind {
    case .rate(let line):
      let key = line.key.text
      return key + String(repeating: " ", count: max(keyWidth - key.count, 0) + 2) + line.rate
    case .error(let line): return line.text
    }
  }
}
