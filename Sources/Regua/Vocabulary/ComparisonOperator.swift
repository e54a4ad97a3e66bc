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

extension ComparisonOperator {
  /// Whether an ordering result (-1, 0 or 1) satisfies the operator.
  func accepts(_ order: Int) -> Bool {
    switch self {
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    }
  }

  /// The operator that holds exactly when this one does not: `<` for `>=`.
  var negated: ComparisonOperator {
    switch self {
    case .equal: return .notEqual
    case .notEqual: return .equal
    case .less: return .greaterOrEqual
    case .lessOrEqual: return .greater
    case .greater: return .lessOrEqual
    case .greaterOrEqual: return .less
    }
  }

  /// The operator with its sides swapped: `a < b` is `b > a`.
  var flipped: ComparisonOperator {
    switch self {
    case .equal, .notEqual: return self
    case .less: return .greater
    case .lessOrEqual: return .greaterOrEqual
    case .greater: return .less
    case .greaterOrEqual: return .lessOrEqual
    }
  }
}
