using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The steps of "Cập nhật số chính thức". Their values are saved: never renumber.</summary>
public enum ActualStep
{
    /// <summary>One measure of the record (its field index in the data): the actual figure, or "giữ" for the estimate.</summary>
    Value = 0,

    /// <summary>What will change, estimate → actual: save, enter again, or cancel.</summary>
    Confirm = 1,
}

/// <summary>
/// Replaces an estimate record (ước thực hiện) by its actual figures (chính thức) at any time, also after the edit window: the
/// 6-month report is estimated, the actuals come weeks later, and an estimate that could never become actual would leave the
/// official figures short for good. The officer who logged it (the same people who may correct it: <see cref="MyRecords"/>'s rule
/// and <see cref="AccessPolicy.CanEdit"/>) walks through the record's measures (integer and money fields) with the estimate as the
/// default ("giữ" keeps it), sees estimate → actual, and saves: the record becomes actual, the values replaced, the estimate kept
/// in the audit trail (action "actual", before and after). Only an estimate can be updated this way; an actual record stays under
/// the edit window. /huy or "thôi" at any step changes nothing.
/// </summary>
/// <remarks>Data: id (the record), ver (its UpdatedAt when opened, to refuse a save over a change made meanwhile), i (the field
/// index asked), a:field (the answers, as the form keeps them), e:field (the estimate's values).</remarks>
public sealed class ActualFigures
{
    public const string FlowName = "record:actual";

    /// <summary>The record card's button: "f:ra:12".</summary>
    /// <summary>The record card's button kind ("f:ra:12"; written as a literal where the button is made, so the forged-callback test finds it).</summary>
    internal const string StartKind = "ra";

    private const string IdKey = "id", VersionKey = "ver", IndexKey = "i", EstimatePrefix = "e:", PendingKey = "pv";
    private const string Keep = "ra:keep", Save = "ra:save", Redo = "ra:redo", Cancel = "ra:cancel", ChoicePrefix = "ra:v:";

    private readonly FormCatalogue _forms;
    private readonly AccessPolicy _access;

    public ActualFigures(FormCatalogue forms, AccessPolicy access)
    {
        _forms = forms;
        _access = access;
        Dialog = new Dialog<ActualStep>(FlowName,
        [
            new(ActualStep.Value, PromptValue, TakeValue) { Kind = DialogKind.Form },
            new(ActualStep.Confirm, PromptConfirm, TakeConfirm) { Kind = DialogKind.Form },
        ])
        {
            Description = c => c.Text("records.actual.describe", ("id", c.State.Data.GetValueOrDefault(IdKey) ?? "")),
            Rules = [new("cancel-button", CancelButton)],
            Leaving = c =>
            {
                var text = Cancelled(c);
                c.State.Clear();
                c.Say(text);
            },
        };
    }

    public Dialog<ActualStep> Dialog { get; }

    /// <summary>Whether the record card offers "Cập nhật số chính thức": an estimate the person may change, of an activity with a form.</summary>
    internal bool Offers(BotContext ctx, SupportRecord record) =>
        record.Status == RecordStatus.Estimate && _access.CanEdit(ctx.User, record) && _forms.Get(record.ActivityId) is not null;

    /// <summary>"f:ra:12": checks the record is the person's own estimate and opens the walk at its first measure.</summary>
    internal void Begin(BotContext ctx, long id)
    {
        if (Allowed(ctx, id) is not { } record || _forms.Get(record.ActivityId) is not { } form)
        {
            return;
        }
        var data = new Dictionary<string, string>
        {
            [IdKey] = id.ToString(CultureInfo.InvariantCulture),
            [VersionKey] = Version(record),
        };
        var loaded = new FormSession(new ConversationState());
        RecordWriter.Load(record, form, loaded, _ => true);
        foreach (var (key, value) in loaded.State.Data)
        {
            data[key] = value;
            if (key.StartsWith("a:", StringComparison.Ordinal))
            {
                data[EstimatePrefix + key[2..]] = value;
            }
        }
        var first = Next(form, new FormSession(new ConversationState { Data = new Dictionary<string, string>(data) }), -1);
        if (first < 0)
        {
            ctx.Say(ctx.Text("records.actual.no_measures", ("id", id)));
            return;
        }
        data[IndexKey] = first.ToString(CultureInfo.InvariantCulture);
        ctx.Say(ctx.Text("records.actual.intro", ("id", id), ("line", RecordWriter.Line(record, ctx))));
        Dialog.Start(ctx, ActualStep.Value, data);
    }

    /// <summary>
    /// The person's own record, of a province they may log for (the rule of /cuatoi's corrections) and still an estimate; null with
    /// the reason said otherwise. Another person's record gets the same "not found" as a missing one.
    /// </summary>
    private SupportRecord? Allowed(BotContext ctx, long id)
    {
        var record = ctx.Store.Records.Get(id);
        if (record is null || record.CreatedByUserId != ctx.User.Id || !FormScope.InScope(ctx, record) || !_access.CanEdit(ctx.User, record))
        {
            ctx.Say(ctx.Text("form.my_records.not_found", ("id", id)));
            return null;
        }
        if (record.Status != RecordStatus.Estimate)
        {
            ctx.Say(ctx.Text("records.actual.already_actual", ("id", id)));
            return null;
        }
        if (_forms.Get(record.ActivityId) is null)
        {
            ctx.Say(ctx.Text("records.actual.no_form"));
            return null;
        }
        return record;
    }

    private static string Version(SupportRecord record) =>
        record.UpdatedAt is { } at ? at.UtcTicks.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>The next field to ask after <paramref name="from"/>: a measure (integer or money) that applies with the answers so far,
    /// or a required choice that an answer has just made apply (an amount that was 0 now needs its source); -1 when none is left.</summary>
    private static int Next(FormDefinition form, FormSession s, int from)
    {
        for (var i = from + 1; i < form.Fields.Count; i++)
        {
            var field = form.Fields[i];
            if (!s.Applies(form, field))
            {
                continue;
            }
            if (IsMeasure(field) || (field.Kind == FieldType.Choice && field.IsRequired && string.IsNullOrEmpty(s.Answer(field.Id))))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsMeasure(FormField field) => field.Kind is FieldType.Integer or FieldType.Money;

    /// <summary>The open walk: the record's form, the answers, the record's id, the field asked (-1 at the confirmation).</summary>
    private sealed record Walk(FormDefinition Form, FormSession Session, long Id, int Index)
    {
        public FormField? Field => Index >= 0 && Index < Form.Fields.Count ? Form.Fields[Index] : null;
    }

    private Walk? Open(BotContext ctx)
    {
        var data = ctx.State.Data;
        if (!long.TryParse(data.GetValueOrDefault(IdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ctx.Store.Records.Get(id) is not { } record || _forms.Get(record.ActivityId) is not { } form)
        {
            return null;
        }
        var index = int.TryParse(data.GetValueOrDefault(IndexKey), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        return new Walk(form, new FormSession(ctx.State), id, index);
    }

    /// <summary>"✖ Hủy" at any step: nothing is changed.</summary>
    private static DialogMove<ActualStep>? CancelButton(DialogTurn turn) =>
        turn.IsButton && turn.Input == Cancel ? DialogMove.End(Cancelled(turn.Context)) : null;

    /// <summary>A value as short as a button shows it: "3 gian hàng", "120 triệu đồng", "—".</summary>
    internal static string Short(BotContext ctx, FormField field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }
        return field.Kind switch
        {
            FieldType.Integer when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) =>
                ctx.Numbers.Number(n) + (field.UnitIn(ctx.English) is { } unit ? " " + unit : ""),
            FieldType.Money when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var vnd) => ctx.Numbers.Money(vnd),
            _ => FieldReader.Display(field, value, ctx.Catalogue, ctx.Texts, ctx.English),
        };
    }

    private Reply PromptValue(BotContext ctx)
    {
        if (Open(ctx) is not { Field: { } field } walk)
        {
            return new Reply { Text = ctx.Text("records.actual.pick_one") };
        }
        var s = walk.Session;
        var estimate = s.Get(EstimatePrefix + field.Id);
        if (ctx.State.Data.GetValueOrDefault(PendingKey) is { } pending)
        {
            return ActualPlausibility.Question(ctx, field, estimate, pending, new Choice(ctx.Text("records.actual.cancel_button"), Cancel, false));
        }
        var choices = new List<Choice>();
        var text = new StringBuilder();
        if (IsMeasure(field))
        {
            var shown = Short(ctx, field, s.Answer(field.Id));
            text.Append(ctx.Text("records.actual.ask", ("label", field.LabelIn(ctx.English)), ("estimate", Short(ctx, field, estimate))));
            if (!ActualSplit.KeepFits(ctx, s, walk.Form, field, s.Answer(field.Id)))
            {
                // No "Giữ: —" that would be refused: the estimate's KCQG part does not fit the new amount, so it is asked.
                text.Append('\n').Append(ActualSplit.AskPart(ctx, s, walk.Form, estimate));
                choices.Add(new Choice(ctx.Text("records.actual.cancel_button"), Cancel, false));
                return new Reply { Text = text.ToString(), Choices = choices };
            }
            if (s.Answer(field.Id) != estimate)
            {
                text.Append('\n').Append(ctx.Text("records.actual.typed_before", ("value", shown)));
            }
            text.Append('\n').Append(ctx.Text("records.actual.ask_hint"));
            choices.Add(new Choice(FormText.Clip(ctx.Text("records.actual.keep_button", ("value", shown)), 40), Keep, false));
        }
        else
        {
            text.Append(ctx.Text("records.actual.ask_choice", ("label", field.LabelIn(ctx.English))));
            choices.AddRange(field.Choices.Select(c => new Choice(FormText.Clip(c.LabelIn(ctx.English), 40), ChoicePrefix + c.Value)));
        }
        choices.Add(new Choice(ctx.Text("records.actual.cancel_button"), Cancel, false));
        return new Reply { Text = text.ToString(), Choices = choices };
    }

    private DialogMove<ActualStep> TakeValue(DialogTurn turn)
    {
        var ctx = turn.Context;
        if (Open(ctx) is not { Field: { } field } walk)
        {
            return DialogMove.End(ctx.Text("records.actual.changed_meanwhile", ("id", ctx.State.Data.GetValueOrDefault(IdKey) ?? "")));
        }
        var (form, s, i) = (walk.Form, walk.Session, walk.Index);
        var input = turn.Input.Trim();
        var folded = VnText.FoldWords(input);
        if (ctx.State.Data.GetValueOrDefault(PendingKey) is { } asked && ActualPlausibility.YesToTiny(turn, field, s.Get(EstimatePrefix + field.Id), asked))
        {
            // "có" to "Đúng là 5 đồng?": a yes word never makes an amount that small official; its button (or number) does.
            return DialogMove.Stay(ctx.Text("records.actual.tiny_yes_refused", ("actual", Short(ctx, field, asked))));
        }
        if (ctx.State.Data.Remove(PendingKey, out var pending) && ActualPlausibility.Answer(turn, field, s.Get(EstimatePrefix + field.Id), pending) is { } decided)
        {
            // The answer to "số chính thức khác xa số ước …": the reading offered (or the figure as typed), or typed again; a KCQG part
            // so taken is checked against the amount as one typed is.
            return decided.Length == 0 ? DialogMove.Stay()
                : ActualSplit.Refusal(ctx, s, form, field, decided) is { } refusedTaken ? DialogMove.Stay(refusedTaken) : Take(ctx, form, s, i, field, decided);
        }
        string value;
        if (input == Keep || (!turn.IsButton && IsMeasure(field) && folded is "giu" or "giu nguyen" or "keep" or "nhu cu" or "khong doi" or "giu so uoc"))
        {
            value = s.Answer(field.Id) ?? "";
        }
        else if (turn.IsButton && input.StartsWith(ChoicePrefix, StringComparison.Ordinal)
            && field.Choices.FirstOrDefault(c => c.Value == input[ChoicePrefix.Length..]) is { } picked)
        {
            value = picked.Value;
        }
        else if (turn.IsButton)
        {
            return DialogMove.Stay();
        }
        else
        {
            var read = FieldReader.Read(field, input, ctx.Today, ctx.Catalogue, ctx.User, ctx.Texts, ctx.English);
            if (!read.Ok)
            {
                return DialogMove.Stay(read.Error + "\n" + (IsMeasure(field)
                    ? ctx.Text("records.actual.ask_hint")
                    : ctx.Text("records.actual.ask_choice", ("label", field.LabelIn(ctx.English)))));
            }
            value = read.Value;
            if (ActualSplit.Refusal(ctx, s, form, field, value) is { } refusedTyped)
            {
                return DialogMove.Stay(refusedTyped);
            }
            if (ActualPlausibility.Doubtful(field, s.Get(EstimatePrefix + field.Id), value))
            {
                ctx.State.Data[PendingKey] = value;
                return DialogMove.Stay();
            }
            return Take(ctx, form, s, i, field, value);
        }
        return ActualSplit.Refusal(ctx, s, form, field, value) is { } refused ? DialogMove.Stay(refused) : Take(ctx, form, s, i, field, value);
    }

    /// <summary>The field's actual value taken: the next measure asked, or the confirmation when none is left.</summary>
    private static DialogMove<ActualStep> Take(BotContext ctx, FormDefinition form, FormSession s, int i, FormField field, string value)
    {
        s.SetAnswer(field.Id, value);
        var next = Next(form, s, i);
        if (next < 0)
        {
            ctx.State.Data.Remove(IndexKey);
            return ActualStep.Confirm;
        }
        ctx.State.Data[IndexKey] = next.ToString(CultureInfo.InvariantCulture);
        return ActualStep.Value;
    }

    private Reply PromptConfirm(BotContext ctx)
    {
        if (Open(ctx) is not { } walk)
        {
            return new Reply { Text = ctx.Text("records.actual.pick_one") };
        }
        var (form, s, id) = (walk.Form, walk.Session, walk.Id);
        var text = new StringBuilder(ctx.Text("records.actual.summary_heading", ("id", id)));
        foreach (var field in form.Fields.Where(f => IsMeasure(f) && (s.Applies(form, f) || !string.IsNullOrEmpty(s.Get(EstimatePrefix + f.Id)))))
        {
            var before = s.Get(EstimatePrefix + field.Id);
            var after = s.Applies(form, field) ? s.Answer(field.Id) : "";
            text.Append('\n').Append(Normal(before) == Normal(after)
                ? ctx.Text("records.actual.kept_line", ("label", field.LabelIn(ctx.English)), ("value", Short(ctx, field, after)))
                : ctx.Text("records.actual.changed_line", ("label", field.LabelIn(ctx.English)),
                    ("before", Short(ctx, field, before)), ("after", Short(ctx, field, after))));
        }
        text.Append('\n').Append(ctx.Text("records.actual.status_line"));
        return new Reply
        {
            Text = text.ToString(),
            Choices =
            [
                new Choice(ctx.Text("records.actual.save_button"), Save),
                new Choice(ctx.Text("records.actual.redo_button"), Redo),
                new Choice(ctx.Text("records.actual.cancel_button"), Cancel),
            ],
        };
    }

    /// <summary>An amount of 0 and one not given are the same figure.</summary>
    private static string Normal(string? value) => string.IsNullOrEmpty(value) ? "0" : value;

    private DialogMove<ActualStep> TakeConfirm(DialogTurn turn)
    {
        var ctx = turn.Context;
        var folded = VnText.FoldWords(turn.Input);
        var answer = turn.IsButton ? turn.Input
            : folded is "luu" or "luu so chinh thuc" or "save" || ChoiceMatcher.YesWords.Contains(folded) ? Save
            : folded is "nhap lai" or "sua" or "sua lai" or "redo" ? Redo
            : "";
        if (answer == Redo && Open(ctx) is { } walk && Next(walk.Form, walk.Session, -1) is var first and >= 0)
        {
            ctx.State.Data[IndexKey] = first.ToString(CultureInfo.InvariantCulture);
            return ActualStep.Value;
        }
        if (answer != Save)
        {
            return DialogMove.Stay(ctx.Text("records.actual.pick_one"));
        }
        SaveActual(ctx);
        return DialogMove.Handled;
    }

    /// <summary>Checks again (the record may have changed, the person's role or province too), then writes the record as actual with
    /// the estimate kept in the audit trail, in the transaction that saves the cleared state.</summary>
    private void SaveActual(BotContext ctx)
    {
        var data = ctx.State.Data;
        var id = long.TryParse(data.GetValueOrDefault(IdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var version = data.GetValueOrDefault(VersionKey) ?? "";
        var answers = new FormSession(ctx.State.Clone());
        ctx.State.Clear();
        if (Allowed(ctx, id) is not { } before || _forms.Get(before.ActivityId) is not { } form)
        {
            return;
        }
        if (Version(before) != version)
        {
            ctx.Say(ctx.Text("records.actual.changed_meanwhile", ("id", id)));
            return;
        }
        if (form.Bound("status") is { } status)
        {
            answers.SetAnswer(status.Id, "actual");
        }
        var after = before.Clone();
        RecordWriter.Fill(after, form, answers, ctx.Store);
        after.Status = RecordStatus.Actual;
        ctx.CommitAtomically(() => RecordWriter.Update(ctx.Store, before, after, null, ctx.User.Id, ctx.Now, "actual"));
        ctx.Ask(ctx.Text("records.actual.saved", ("id", id), ("line", RecordWriter.Line(after, ctx))),
            [new Choice(ctx.Text("form.common.my_records"), "f:my")]);
    }

    private static string Cancelled(BotContext ctx) =>
        ctx.Text("records.actual.cancelled", ("id", ctx.State.Data.GetValueOrDefault(IdKey) ?? ""));
}
