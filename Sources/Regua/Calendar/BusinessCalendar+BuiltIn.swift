extension BusinessCalendar {
  /// The built-in calendars by the name a cadence's `calendar` line gives: `BR`
  /// (``brazil``), `US` (``unitedStates``) and `none` (``none``).
  ///
  /// Any other name is a host calendar: valid only where a host declares it.
  public static let builtIn: [String: BusinessCalendar] = [
    "BR": .brazil, "US": .unitedStates, "none": .none,
  ]

  /// The built-in calendars' names, in the order messages list them.
  public static let builtInNames = ["BR", "US", "none"]
}
