namespace Chat.Bench.Reporting;

internal static class TextColumns
{
    /// <summary>Writes aligned rows: the first <paramref name="leftAligned"/> columns and the last to the left, numbers to the right.</summary>
    public static void Write(TextWriter output, string[] headings, IEnumerable<string[]> cells, int leftAligned)
    {
        var rows = cells.Prepend(headings).ToList();
        var widths = Enumerable.Range(0, headings.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) =>
                column < leftAligned || column == row.Length - 1 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd());
        }
    }
}
