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
