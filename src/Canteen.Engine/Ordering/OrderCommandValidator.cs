using Canteen.Core.Ordering;
using Canteen.Core.Shared;

namespace Canteen.Engine.Ordering;

/// <summary>The limits a well-formed order must respect before it is priced (sizes, counts, lengths).</summary>
internal static class OrderCommandValidator
{
    private const int MaxTableLength = 16;

    public static List<ValidationError> Validate(PlaceOrderCommand command, OrderingOptions options)
    {
        var errors = new List<ValidationError>();
        if (command.Lines.Count == 0)
        {
            errors.Add(new ValidationError("items", "An order needs at least one item."));
        }
        else if (command.Lines.Count > options.MaxLines)
        {
            errors.Add(new ValidationError("items", $"An order may have at most {options.MaxLines} items."));
        }

        for (var i = 0; i < command.Lines.Count && i < options.MaxLines; i++)
        {
            var line = command.Lines[i];
            if (line.Quantity < 1 || line.Quantity > options.MaxQuantityPerLine)
            {
                errors.Add(new ValidationError($"items[{i}].quantity", $"Quantity must be between 1 and {options.MaxQuantityPerLine}."));
            }

            if (line.Note is { Length: > 0 } note && note.Length > options.MaxNoteLength)
            {
                errors.Add(new ValidationError($"items[{i}].note", $"A note may have at most {options.MaxNoteLength} characters."));
            }

            CheckText(line.Note, $"items[{i}].note", errors);

            if (line.OptionIds.Count > 20)
            {
                errors.Add(new ValidationError($"items[{i}].options", "At most 20 options per item."));
            }
        }

        if (command.Note is { } orderNote && orderNote.Length > options.MaxNoteLength)
        {
            errors.Add(new ValidationError("note", $"A note may have at most {options.MaxNoteLength} characters."));
        }

        CheckText(command.Note, "note", errors);
        CheckText(command.Table, "table", errors);
        if (command.Type == OrderType.DineIn && string.IsNullOrWhiteSpace(command.Table))
        {
            errors.Add(new ValidationError("table", "A dine-in order needs a table."));
        }
        else if (command.Table is { Length: > MaxTableLength })
        {
            errors.Add(new ValidationError("table", $"A table label has at most {MaxTableLength} characters."));
        }

        return errors;
    }

    /// <summary>
    /// Free text is shown on kitchen tickets and stored as-is: control characters (NUL above all, which PostgreSQL
    /// text cannot hold) have no business there and are refused up front rather than failing at commit.
    /// </summary>
    private static void CheckText(string? text, string field, List<ValidationError> errors)
    {
        if (text is not null && text.Any(char.IsControl))
        {
            errors.Add(new ValidationError(field, "Control characters are not allowed."));
        }
    }
}
