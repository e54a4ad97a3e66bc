/// Stacks labels into rows so that none overlaps another: each label goes to the first row
/// whose last label ends before it starts, or to a new row.
///
/// Labels must be placed from left to right. Marks on one day land in successive rows, so a
/// day with many steps reads as a stack.
struct LabelPacker {
  /// Where each row's last label ends.
  private(set) var rowEnds: [Double] = []

  /// Places a label spanning `start...end` and returns its row.
  mutating func place(start: Double, end: Double) -> Int {
    for (row, rowEnd) in rowEnds.enumerated() where rowEnd + TimelineMetrics.labelSpacing <= start {
      rowEnds[row] = end
      return row
    }
    rowEnds.append(end)
    return rowEnds.count - 1
  }

  /// How many rows are used (at least 1, so an empty lane still shows).
  var rows: Int { max(1, rowEnds.count) }
}
