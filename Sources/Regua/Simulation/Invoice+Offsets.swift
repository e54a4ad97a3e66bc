extension Invoice {
  /// The date an offset names for this invoice: `D+14` (due date + 14), `D-3`, `D0`, `I+5`
  /// (issue date + 5), or an ISO date `2026-03-24` as is — counted as a cadence without a
  /// business calendar schedules steps. With a cadence at hand, ask its ``Schedule`` instead.
  ///
  /// - Throws: ``CivilDateError/notADate(_:)`` when the text is neither.
  public func date(at text: String) throws(CivilDateError) -> CivilDate {
    try Schedule(cadence: Cadence(name: ""), invoice: self).date(at: text)
  }
}

extension Offset {
  /// Parses `D+14`, `D-3`, `D0`, `I+5` (as rule files write them), or `nil`.
  public init?(_ text: String) {
    guard let base = text.first, let anchor = Anchor(rawValue: String(base)), anchor != .promise else { return nil }
    let rest = text.dropFirst()
    let sign = rest.first
    let digits = sign == "+" || sign == "-" ? rest.dropFirst() : rest
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit), let magnitude = Int(digits),
      sign == "+" || sign == "-" || magnitude == 0, magnitude <= Offset.maximumDays
    else { return nil }
    self.init(anchor, sign == "-" ? -magnitude : magnitude)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
