/// Stacks labels into rows so that none overlaps another: each label goes to the first row
/// whose last label ends before it starts, or to a new row.
///
/// Labels must be placed from left to right. Marks on one day land in successive rows, so a
/// day with many steps reads as a stack. Finding the first free row takes logarithmic time (a
/// tree of the rows' least ends), so a day with thousands of steps is not a scan per label.
struct LabelPacker {
  /// Where each row's last label ends.
  private(set) var rowEnds: [Double] = []
  /// The least end of each subtree of rows: node 1 is the root, node `i`'s children are `2i` and
  /// `2i + 1`, and the leaves, from `capacity`, are the rows (`infinity` past the last).
  private var least: [Double] = []
  /// How many rows the tree has room for: a power of two, or 0.
  private var capacity = 0

  /// Places a label spanning `start...end` and returns its row.
  mutating func place(start: Double, end: Double) -> Int {
    if let row = firstFreeRow(at: start) {
      set(row, end: end)
      return row
    }
    if rowEnds.count == capacity { grow() }
    rowEnds.append(end)
    set(rowEnds.count - 1, end: end)
    return rowEnds.count - 1
  }

  /// How many rows are used (at least 1, so an empty lane still shows).
  var rows: Int { max(1, rowEnds.count) }

  /// The first row whose last label ends, with spacing, by `start`. A subtree holds one exactly
  /// when its least end does, as adding the spacing keeps the order.
  private func firstFreeRow(at start: Double) -> Int? {
    guard capacity > 0, least[1] + TimelineMetrics.labelSpacing <= start else { return nil }
    var node = 1
    while node < capacity {
      node = least[2 * node] + TimelineMetrics.labelSpacing <= start ? 2 * node : 2 * node + 1
    }
    return node - capacity
  }

  private mutating func set(_ row: Int, end: Double) {
    rowEnds[row] = end
    var node = row + capacity
    least[node] = end
    node /= 2
    while node >= 1 {
      least[node] = min(least[2 * node], least[2 * node + 1])
      node /= 2
    }
  }

  /// Doubles the tree's room, keeping the rows.
  private mutating func grow() {
    capacity = max(1, capacity * 2)
    least = Array(repeating: .infinity, count: 2 * capacity)
    for (row, end) in rowEnds.enumerated() { least[capacity + row] = end }
    for node in stride(from: capacity - 1, through: 1, by: -1) {
      least[node] = min(least[2 * node], least[2 * node + 1])
    }
  }
}
