using System.Globalization;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>
/// A multi-step conversation as a table of typed states, like a conversation handler: each <see cref="DialogStep{TStep}"/> row says
/// what it asks (its prompt: text and choices), what it is (a list choice or a form step, whether any text is an answer) and
/// where each answer leads (<see cref="DialogMove{TStep}"/>: another step, the same step with a message, or the end); what applies
/// at every step comes first, as an ordered list of named <see cref="Rules"/>. It is an <see cref="IConversationFlow"/>, so the engine and <see cref="DialogRules"/> apply to it unchanged.
/// </summary>
/// <remarks>The step is saved in <see cref="ConversationState.Step"/> as the enum's int value: give the enum members explicit
/// values and never renumber them, so a conversation saved before a restart (or by an earlier version) resumes where it was.
/// A dialog that keeps its step elsewhere says how to read and write it (<see cref="ReadStep"/>, <see cref="WriteStep"/>: the record
/// form keeps its phase under a name in the data, and its field index in <see cref="ConversationState.Step"/>).</remarks>
public sealed class Dialog<TStep> : IConversationFlow
    where TStep : struct, Enum
{
    private readonly Dictionary<int, DialogStep<TStep>> _rows = [];

    public Dialog(string name, IEnumerable<DialogStep<TStep>> steps)
    {
        Name = name;
        foreach (var row in steps)
        {
            if (!_rows.TryAdd(ToInt(row.Step), row))
            {
                throw new ArgumentException($"Dialog {name}: step {row.Step} appears twice.", nameof(steps));
            }
        }
    }

    public string Name { get; }

    /// <summary>The one-line description of the dialog (for the rules' "closed the list (…)" and reminders).</summary>
    public Func<BotContext, string>? Description { get; init; }

    /// <summary>How to come back after something else was answered meanwhile; the default hint when null.</summary>
    public Func<BotContext, string>? Resume { get; init; }

    /// <summary>Checked before every answer: a refusal ends the dialog with that message (e.g. a person no longer admin).</summary>
    public Func<BotContext, string?>? Guard { get; init; }

    /// <summary>What applies at every step, checked in this order before the step's handler (after <see cref="Guard"/>): the first
    /// rule that answers the message decides where it leads, and the handler is not called.</summary>
    public IReadOnlyList<DialogRule<TStep>> Rules { get; init; } = [];

    /// <summary>Reads the step from the state, when the dialog keeps it elsewhere than <see cref="ConversationState.Step"/>; null
    /// from it means no known step.</summary>
    public Func<ConversationState, TStep?>? ReadStep { get; init; }

    /// <summary>Writes the step into the state, with <see cref="ReadStep"/>.</summary>
    public Action<ConversationState, TStep>? WriteStep { get; init; }

    /// <summary>After something was answered aside, a number or label typed is matched against the step's own choices (see
    /// <see cref="ContinueAsync"/>). False when the steps read typed numbers themselves (the form: "2" at its summary is the item to change).</summary>
    public bool MatchesTypedChoices { get; init; } = true;

    /// <summary>How /huy or a leaving word leaves the dialog when it has its own way (the form keeps its answers as a draft) and
    /// says so; null to have the engine simply end it.</summary>
    public Action<BotContext>? Leaving { get; init; }

    /// <summary>The rows of the table, by step.</summary>
    public IReadOnlyCollection<DialogStep<TStep>> Steps => _rows.Values;

    /// <summary>The typed step of <paramref name="state"/> when this dialog is open at a known step.</summary>
    public TStep? StepOf(ConversationState state) =>
        state.Flow == Name && RowOf(state) is { } row ? row.Step : null;

    /// <summary>The row of the state's step, or null when its step is not in the table.</summary>
    private DialogStep<TStep>? RowOf(ConversationState state)
    {
        int value;
        if (ReadStep is null)
        {
            value = state.Step;
        }
        else if (ReadStep(state) is { } step)
        {
            value = ToInt(step);
        }
        else
        {
            return null;
        }
        return _rows.GetValueOrDefault(value);
    }

    /// <summary>Opens the dialog at <paramref name="step"/> (forgetting any other) and asks its prompt.</summary>
    public void Start(BotContext context, TStep step, IReadOnlyDictionary<string, string>? data = null)
    {
        context.State.Clear();
        context.State.Flow = Name;
        foreach (var (key, value) in data ?? new Dictionary<string, string>())
        {
            context.State.Data[key] = value;
        }
        GoTo(context, step, null);
    }

    public async Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken)
    {
        if (Guard?.Invoke(context) is { } refusal)
        {
            context.State.Clear();
            context.Say(refusal);
            return;
        }
        if (RowOf(context.State) is not { } row)
        {
            context.State.Clear();
            context.Say(context.Text("dialog.step_gone"));
            return;
        }
        // A number or label typed after something was answered aside (its choices, or none, were shown last) still picks from this
        // step's own list: the choices last shown are no longer the step's, so the router could not map it.
        var shownElse = context.State.LastChoices.Count == 0 || context.State.Data.ContainsKey(DialogRules.AsideKey);
        if (MatchesTypedChoices && !isButton && shownElse && row.Kind == DialogKind.Form && !row.TakesAnyText && row.Prompt?.Invoke(context) is { Choices.Count: > 0 } asked
            && ChoiceMatcher.Match(asked.Choices, input) is { } picked)
        {
            (input, isButton) = (picked, true);
        }
        var turn = new DialogTurn(context, input, isButton, cancellationToken);
        foreach (var rule in Rules)
        {
            if (rule.AppliesAt(row.Step) && await rule.Apply(turn).ConfigureAwait(false) is { } answered)
            {
                Apply(context, row, answered);
                return;
            }
        }
        var move = await row.Handle(turn).ConfigureAwait(false);
        Apply(context, row, move);
    }

    private void Apply(BotContext context, DialogStep<TStep> row, DialogMove<TStep> move)
    {
        switch (move.Kind)
        {
            case DialogMoveKind.Go:
                GoTo(context, move.To, move.Text);
                break;
            case DialogMoveKind.Stay:
                Ask(context, row, move.Text);
                break;
            case DialogMoveKind.End:
                context.State.Clear();
                if (move.Text is { } text)
                {
                    context.Say(text);
                }
                break;
            default:
                // Handled: the handler answered and left the state as it wants it (another dialog may have opened).
                break;
        }
    }

    private void GoTo(BotContext context, TStep step, string? text)
    {
        var value = ToInt(step);
        if (!_rows.TryGetValue(value, out var row))
        {
            throw new InvalidOperationException($"Dialog {Name} has no step {step}.");
        }
        if (WriteStep is null)
        {
            context.State.Step = value;
        }
        else
        {
            WriteStep(context.State, step);
        }
        Ask(context, row, text);
    }

    /// <summary>Asks the step's prompt; <paramref name="text"/>, when given, replaces the prompt's text (choices kept).</summary>
    private static void Ask(BotContext context, DialogStep<TStep> row, string? text)
    {
        var prompt = row.Prompt?.Invoke(context);
        if (prompt is null)
        {
            // A step asked by whoever led to it (a list built by the command): its choices are those last shown.
            if (text is not null)
            {
                context.Ask(text, context.State.LastChoices);
            }
            return;
        }
        context.Say(text is null ? prompt : prompt with { Text = text, Attachment = null });
    }

    string IConversationFlow.Describe(BotContext context) =>
        Description?.Invoke(context) ?? context.Text("dialog.unfinished_step");

    DialogKind IConversationFlow.KindAt(ConversationState state) => RowOf(state)?.Kind ?? DialogKind.ListChoice;

    bool IConversationFlow.TakesAnyText(ConversationState state) => RowOf(state)?.TakesAnyText ?? false;

    bool IConversationFlow.Leave(BotContext context)
    {
        if (Leaving is null)
        {
            return false;
        }
        Leaving(context);
        return true;
    }

    string IConversationFlow.ResumeHint(BotContext context) =>
        Resume?.Invoke(context) ?? context.Text("dialog.resume_hint");

    Reply? IConversationFlow.CurrentPrompt(BotContext context) => RowOf(context.State)?.Prompt?.Invoke(context);

    private static int ToInt(TStep step) => Convert.ToInt32(step, CultureInfo.InvariantCulture);
}

/// <summary>One row of a <see cref="Dialog{TStep}"/>: the step, its prompt, what it is, and its handler (where each answer leads).</summary>
public sealed class DialogStep<TStep>
    where TStep : struct, Enum
{
    /// <param name="step">The step (its int value is what is saved).</param>
    /// <param name="prompt">What the step asks (text and choices), or null when whoever leads here asks (a list built by a command).</param>
    /// <param name="handle">Reads an answer and says where it leads.</param>
    public DialogStep(TStep step, Func<BotContext, Reply>? prompt, Func<DialogTurn, DialogMove<TStep>> handle)
        : this(step, prompt, turn => Task.FromResult(handle(turn)))
    {
    }

    /// <inheritdoc cref="DialogStep{TStep}(TStep, Func{BotContext, Reply}?, Func{DialogTurn, DialogMove{TStep}})"/>
    public DialogStep(TStep step, Func<BotContext, Reply>? prompt, Func<DialogTurn, Task<DialogMove<TStep>>> handle)
    {
        Step = step;
        Prompt = prompt;
        Handle = handle;
    }

    public TStep Step { get; }

    public Func<BotContext, Reply>? Prompt { get; }

    public Func<DialogTurn, Task<DialogMove<TStep>>> Handle { get; }

    /// <summary>A list to pick from (left when another intent comes, ends when idle) or a form step (waits with its draft).</summary>
    public DialogKind Kind { get; init; } = DialogKind.ListChoice;

    /// <summary>Any text is an answer here (a broadcast's body): nothing typed is read as another intent.</summary>
    public bool TakesAnyText { get; init; }
}

/// <summary>
/// What a dialog applies at every step before the step's handler (<see cref="Dialog{TStep}.Rules"/>), by name: it answers the
/// message itself (returns where it leads) or lets it pass (null) to the next rule and finally to the handler.
/// </summary>
public sealed class DialogRule<TStep>
    where TStep : struct, Enum
{
    /// <param name="name">What the rule is, for people reading the table and for tests.</param>
    /// <param name="apply">Answers the message (a move) or lets it pass (null).</param>
    public DialogRule(string name, Func<DialogTurn, DialogMove<TStep>?> apply)
        : this(name, turn => Task.FromResult(apply(turn)))
    {
    }

    /// <inheritdoc cref="DialogRule{TStep}(string, Func{DialogTurn, DialogMove{TStep}?})"/>
    public DialogRule(string name, Func<DialogTurn, Task<DialogMove<TStep>?>> apply)
    {
        Name = name;
        Apply = apply;
    }

    public string Name { get; }

    public Func<DialogTurn, Task<DialogMove<TStep>?>> Apply { get; }

    /// <summary>The steps the rule applies at (every step by default).</summary>
    public Func<TStep, bool> AppliesAt { get; init; } = _ => true;

    public override string ToString() => Name;
}

/// <summary>One answer given to a dialog step: typed text, or a button's data when <see cref="IsButton"/>.</summary>
public sealed record DialogTurn(BotContext Context, string Input, bool IsButton, CancellationToken CancellationToken)
{
    public ConversationState State => Context.State;

    public string T(string vi, string en) => Context.T(vi, en);

    /// <inheritdoc cref="BotContext.Text"/>
    public string Text(string key, params ReadOnlySpan<(string Name, object? Value)> args) => Context.Text(key, args);
}

/// <summary>What an answer does to a dialog.</summary>
public enum DialogMoveKind
{
    /// <summary>Another step (or the same one again), whose prompt is asked.</summary>
    Go,

    /// <summary>The same step: its prompt is asked again, its text replaced by the move's message when there is one.</summary>
    Stay,

    /// <summary>The dialog ends (the state is cleared); the move's message, if any, is said.</summary>
    End,

    /// <summary>The handler answered and set the state itself (e.g. it handed the message to another command).</summary>
    Handled,
}

/// <summary>Where an answer leads. A step converts to it implicitly (<c>return Step.Province;</c>), and so do the moves of
/// <see cref="DialogMove"/> that name no step (<c>return DialogMove.Stay("…")</c>).</summary>
public readonly record struct DialogMove<TStep>(DialogMoveKind Kind, TStep To, string? Text)
    where TStep : struct, Enum
{
    public static implicit operator DialogMove<TStep>(TStep to) => new(DialogMoveKind.Go, to, null);

    public static implicit operator DialogMove<TStep>(DialogMove move) => new(move.Kind, default, move.Text);
}

/// <summary>The moves that name no step; see <see cref="DialogMove{TStep}"/>.</summary>
public readonly record struct DialogMove(DialogMoveKind Kind, string? Text)
{
    /// <summary>Go to <paramref name="to"/>, with <paramref name="text"/> in place of its prompt's text when given.</summary>
    public static DialogMove<TStep> Go<TStep>(TStep to, string? text = null)
        where TStep : struct, Enum => new(DialogMoveKind.Go, to, text);

    /// <summary>Ask this step again, with <paramref name="text"/> in place of its prompt's text when given.</summary>
    public static DialogMove Stay(string? text = null) => new(DialogMoveKind.Stay, text);

    /// <summary>End the dialog, saying <paramref name="text"/> when given.</summary>
    public static DialogMove End(string? text = null) => new(DialogMoveKind.End, text);

    /// <summary>The handler answered and set the state itself.</summary>
    public static DialogMove Handled => new(DialogMoveKind.Handled, null);
}
