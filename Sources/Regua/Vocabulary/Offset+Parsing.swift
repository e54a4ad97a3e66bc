extension Offset {
  /// Parses `D+14`, `D-3`, `D0`, `I+5`, and business-day offsets such as `D+5 business days`
  /// (as rule files write them), or `nil`.
  ///
  /// ```swift
  /// Offset("D+5 business days")   // D+5 business days: unit .businessDays
  /// Offset("D0 business days")    // nil: write `D0`
  /// ```
  public init?(_ text: String) {
    for suffix in [" business days", " business day"] where text.hasSuffix(suffix) {
      guard let parts = Offset.parts(of: String(text.dropLast(suffix.count))), parts.days != 0,
        parts.days.magnitude <= Bounds.offsetBusinessDays
      else { return nil }
      self.init(parts.anchor, parts.days, unit: .businessDays)
      return
    }
    guard let parts = Offset.parts(of: text), parts.digits <= 4, parts.days.magnitude <= Offset.maximumDays else {
      return nil
    }
    self.init(parts.anchor, parts.days)
  }

  /// The anchor, signed days and digit count of text shaped like a `D` or `I` offset, whatever
  /// the number of days (capped while reading, so huge numbers cannot overflow); `nil` when the
  /// text is not shaped like one.
  static func parts(of text: String) -> (anchor: Anchor, days: Int, digits: Int)? {
    guard let base = text.first, let anchor = Anchor(rawValue: String(base)), anchor != .promise else { return nil }
    let rest = text.dropFirst()
    let sign = rest.first
    let digits = sign == "+" || sign == "-" ? rest.dropFirst() : rest
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    var magnitude = 0
    for digit in digits.utf8 { magnitude = Swift.min(magnitude * 10 + Int(digit - UInt8(ascii: "0")), 1_000_000_000) }
    guard sign == "+" || sign == "-" || magnitude == 0 else { return nil }
    return (anchor, sign == "-" ? -magnitude : magnitude, digits.count)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
