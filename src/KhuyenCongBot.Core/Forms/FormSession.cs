using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>A form in progress, kept in <see cref="ConversationState.Data"/>: which form, which phase, the answers (canonical strings).</summary>
public sealed class FormSession(ConversationState state)
{
    private const string AnswerPrefix = "a:";

    public ConversationState State { get; } = state;

    private Dictionary<string, string> Data => State.Data;

    public string? FormId
    {
        get => Data.GetValueOrDefault("form");
        set => Set("form", value);
    }

    /// <summary>Where the form is; saved under its historic name ("ask", "nf_dup"…) so a draft saved by an earlier version resumes.</summary>
    public FormPhase Phase
    {
        get => FormPhases.Parse(Data.GetValueOrDefault("phase"));
        set => Data["phase"] = FormPhases.Name(value);
    }

    /// <summary>The field index being asked.</summary>
    public int Step
    {
        get => State.Step;
        set => State.Step = value;
    }

    /// <summary>
    /// A draft saved before the project question was added to the forms (schema 4) counted its step among the fields without it:
    /// put <see cref="Step"/> on the same question in today's list, once. Drafts begun since carry <see cref="LayoutKey"/>.
    /// </summary>
    public void Realign(FormDefinition form)
    {
        if (Data.ContainsKey(LayoutKey))
        {
            return;
        }
        var before = form.Fields.Where(f => f.Kind != FieldType.Project).ToList();
        if (before.Count != form.Fields.Count && Step >= 0 && Step < before.Count)
        {
            Step = form.Fields.IndexOf(before[Step]);
        }
        MarkLayout();
    }

    /// <summary>Says the step counts today's fields (see <see cref="Realign"/>).</summary>
    public void MarkLayout() => Data[LayoutKey] = "2";

    private const string LayoutKey = "fields";

    /// <summary>The record being corrected, in edit mode.</summary>
    public long? EditId
    {
        get => long.TryParse(Data.GetValueOrDefault("edit"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        set => Set("edit", value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Wrong answers in a row at the current question.</summary>
    public int Misses
    {
        get => int.TryParse(Data.GetValueOrDefault("miss"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        set => Set("miss", value == 0 ? null : value.ToString(CultureInfo.InvariantCulture));
    }

    public string? Get(string key) => Data.GetValueOrDefault(key);

    public void Set(string key, string? value)
    {
        if (value is null)
        {
            Data.Remove(key);
        }
        else
        {
            Data[key] = value;
        }
    }

    public bool HasAnswer(string fieldId) => Data.ContainsKey(AnswerPrefix + fieldId);

    /// <summary>The canonical answer; "" when skipped; null when not answered.</summary>
    public string? Answer(string fieldId) => Data.GetValueOrDefault(AnswerPrefix + fieldId);

    public void SetAnswer(string fieldId, string value) => Data[AnswerPrefix + fieldId] = value;

    public void ClearAnswer(string fieldId) => Data.Remove(AnswerPrefix + fieldId);

    /// <summary>The codes of the open projects a project question offers, one a line (set by the runner; absent when there are none).</summary>
    public const string ProjectChoicesKey = "pjs";

    /// <summary>Whether the field is asked given the answers so far (its askIf holds, and the field it refers to is itself asked);
    /// a project question only when there are projects to offer or it already has one.</summary>
    public bool Applies(FormDefinition form, FormField field, int depth = 0)
    {
        if (field.Kind == FieldType.Project && string.IsNullOrEmpty(Answer(field.Id)) && Get(ProjectChoicesKey) is null)
        {
            return false;
        }
        if (field.AskIf is not { } cond || depth > form.Fields.Count)
        {
            return true;
        }
        var referenced = form.Field(cond.Field);
        if (referenced is null || !Applies(form, referenced, depth + 1))
        {
            return false;
        }
        var answer = Answer(cond.Field);
        return Holds(cond, answer);
    }

    internal static bool Holds(AskIf cond, string? answer)
    {
        var value = cond.Value ?? "";
        switch (cond.Op)
        {
            case "set":
                return !string.IsNullOrEmpty(answer);
            case "empty":
                return string.IsNullOrEmpty(answer);
            case "eq":
                return string.Equals(answer, value, StringComparison.OrdinalIgnoreCase);
            case "ne":
                return !string.IsNullOrEmpty(answer) && !string.Equals(answer, value, StringComparison.OrdinalIgnoreCase);
            case "in":
                return answer is not null && value.Split(',', StringSplitOptions.TrimEntries).Contains(answer, StringComparer.OrdinalIgnoreCase);
        }
        if (!decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            || !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
        {
            return false;
        }
        return cond.Op switch
        {
            "gt" => a > b,
            "ge" => a >= b,
            "lt" => a < b,
            "le" => a <= b,
            _ => false,
        };
    }

    /// <summary>Indexes of the fields asked given the answers so far.</summary>
    public List<int> Applicable(FormDefinition form) =>
        Enumerable.Range(0, form.Fields.Count).Where(i => Applies(form, form.Fields[i])).ToList();

    /// <summary>
    /// Indexes of the fields asked, or still to be asked, given the answers so far: the <see cref="Applicable"/> ones and those whose
    /// askIf waits on a question not answered yet (counted until that answer rules them out). The question counter counts these, so
    /// answering goes "7/15, 8/15, 9/13" (the total only shrinks as answers rule questions out) and never "7/12, 8/13".
    /// </summary>
    public List<int> Expected(FormDefinition form) =>
        Enumerable.Range(0, form.Fields.Count).Where(i => Applies(form, form.Fields[i]) || Undecided(form, form.Fields[i])).ToList();

    /// <summary>Whether the field's askIf (or, for a project question, the province it needs) waits on a question not answered yet.</summary>
    private bool Undecided(FormDefinition form, FormField field, int depth = 0)
    {
        if (field.Kind == FieldType.Project)
        {
            return string.IsNullOrEmpty(Answer(field.Id)) && Get(ProjectChoicesKey) is null
                && form.Bound("province") is { } province && !HasAnswer(province.Id);
        }
        if (field.AskIf is not { } cond || depth > form.Fields.Count || form.Field(cond.Field) is not { } referenced)
        {
            return false;
        }
        return !HasAnswer(referenced.Id) && (Applies(form, referenced, depth + 1) || Undecided(form, referenced, depth + 1));
    }

    /// <summary>The first asked field after <paramref name="from"/> that has no answer yet; -1 when all are answered.</summary>
    public int NextMissing(FormDefinition form, int from = -1)
    {
        foreach (var i in Applicable(form))
        {
            if (i > from && !HasAnswer(form.Fields[i].Id))
            {
                return i;
            }
        }
        // An earlier field may have become relevant (an edited answer switched its skip logic on).
        foreach (var i in Applicable(form))
        {
            if (!HasAnswer(form.Fields[i].Id))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The asked field before <paramref name="index"/>; -1 at the first.</summary>
    public int Previous(FormDefinition form, int index) =>
        Applicable(form).Where(i => i < index).DefaultIfEmpty(-1).Max();

    /// <summary>Forgets the form (keeps nothing).</summary>
    public void End() => State.Clear();
}

/// <summary>The phases of a form being filled in (typed; stored by <see cref="FormPhases.Name"/>).</summary>
public enum FormPhase
{
    /// <summary>The /ghi activity list (a list choice).</summary>
    Pick,

    /// <summary>"Continue the unfinished form or start a new one?"</summary>
    Draft,

    /// <summary>Asking the field at <see cref="FormSession.Step"/>.</summary>
    Ask,

    /// <summary>Picking the facility among the matches of a search.</summary>
    Facility,

    /// <summary>A new facility: a similar one exists — that one or a new one?</summary>
    NewFacilityDuplicate,

    /// <summary>A new facility: its commune typed.</summary>
    NewFacilityCommune,

    /// <summary>A new facility: the commune picked among several matches.</summary>
    NewFacilityCommunePick,

    /// <summary>A new facility: the commune found confirmed.</summary>
    NewFacilityCommuneConfirm,

    /// <summary>A new facility: its legal form.</summary>
    NewFacilityLegal,

    /// <summary>A new facility: its tax id.</summary>
    NewFacilityTaxId,

    /// <summary>A new facility: its priority group.</summary>
    NewFacilityPriority,

    /// <summary>A new facility: its village or street.</summary>
    NewFacilityVillage,

    /// <summary>A new facility: its phone.</summary>
    NewFacilityPhone,

    /// <summary>The summary before saving.</summary>
    Summary,

    /// <summary>Picking the answer to change from the summary.</summary>
    EditPick,
}

/// <summary>The stored names of <see cref="FormPhase"/> (unchanged since phases were strings).</summary>
public static class FormPhases
{
    private static readonly (FormPhase Phase, string Name)[] Names =
    [
        (FormPhase.Pick, "pick"), (FormPhase.Draft, "draft"), (FormPhase.Ask, "ask"), (FormPhase.Facility, "fac"),
        (FormPhase.NewFacilityDuplicate, "nf_dup"), (FormPhase.NewFacilityCommune, "nf_commune"), (FormPhase.NewFacilityCommunePick, "nf_cpick"),
        (FormPhase.NewFacilityCommuneConfirm, "nf_cconfirm"), (FormPhase.NewFacilityLegal, "nf_legal"), (FormPhase.NewFacilityTaxId, "nf_taxid"),
        (FormPhase.NewFacilityPriority, "nf_priority"), (FormPhase.NewFacilityVillage, "nf_village"), (FormPhase.NewFacilityPhone, "nf_phone"),
        (FormPhase.Summary, "summary"), (FormPhase.EditPick, "editpick"),
    ];

    public static string Name(FormPhase phase) => Names.First(n => n.Phase == phase).Name;

    /// <summary>The phase saved as <paramref name="name"/>; <see cref="FormPhase.Ask"/> when none (or unknown).</summary>
    public static FormPhase Parse(string? name)
    {
        foreach (var (phase, stored) in Names)
        {
            if (stored == name)
            {
                return phase;
            }
        }
        return FormPhase.Ask;
    }
}
