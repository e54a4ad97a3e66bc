extension Int {
  /// `self + other`, saturating at `Int.min` and `Int.max` instead of trapping: the engine adds
  /// offsets, catch-ups and windows a host may set to anything through the unchecked `Cadence`
  /// initializer, and an evaluation must never trap.
  func saturatingAdding(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }

  /// `self - other`, saturating likewise.
  func saturatingSubtracting(_ other: Int) -> Int {
    let (difference, overflow) = subtractingReportingOverflow(other)
    return overflow ? (other > 0 ? .min : .max) : difference
  }
}
