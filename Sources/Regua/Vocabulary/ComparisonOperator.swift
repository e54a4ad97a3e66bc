/// A comparison operator of a condition: written in rule files and by the builder, checked by
/// the compiler and applied by the engine, so it belongs to none of them.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  /// `==`
  case equal = "=="
  /// `!=`
  case notEqual = "!="
  /// `<`
  case less = "<"
  /// `<=`
  case lessOrEqual = "<="
  /// `>`
  case greater = ">"
  /// `>=`
  case greaterOrEqual = ">="

  /// Whether the operator orders values (all but `==` and `!=`).
  public var isOrdering: Bool { self != .equal && self != .notEqual }
}
