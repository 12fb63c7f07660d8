using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace KhuyenCongBot.Benchmarks.Memory;

/// <summary>
/// Estimates the bytes an object graph holds (64-bit layout: 16-byte object header, 24-byte array header, 8-byte alignment),
/// walked by reflection, each object counted once under the first part that reaches it. Used to split the figures index into
/// its parts; an estimate to compare parts and versions, not an exact heap size.
/// </summary>
internal sealed class HeapSizer(IEnumerable<object> excluded)
{
    private readonly HashSet<object> _seen = new(excluded, ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, (long Bytes, long Count)> _byType = [];

    /// <summary>Bytes per type of everything measured so far.</summary>
    public IReadOnlyDictionary<Type, (long Bytes, long Count)> ByType => _byType;

    /// <summary>Bytes reachable from <paramref name="root"/> not yet counted.</summary>
    public long Measure(object? root)
    {
        var total = 0L;
        var stack = new Stack<object>();
        Push(root, stack);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            var type = o.GetType();
            var size = SizeOf(o, type);
            total += size;
            var (b, c) = _byType.GetValueOrDefault(type);
            _byType[type] = (b + size, c + 1);
            if (o is Array array)
            {
                var element = type.GetElementType()!;
                if (!element.IsValueType)
                {
                    foreach (var item in array)
                    {
                        Push(item, stack);
                    }
                }
                else if (ContainsReferences(element))
                {
                    foreach (var item in array)
                    {
                        PushFields(item, element, stack);
                    }
                }
            }
            else if (o is not string && !type.IsPointer)
            {
                PushFields(o, type, stack);
            }
        }
        return total;
    }

    /// <summary>A table of the largest types measured (bytes, objects).</summary>
    public string TypeTable(int top)
    {
        var sb = new StringBuilder("| type | MB | objects |\n|---|---:|---:|\n");
        foreach (var (type, (bytes, count)) in _byType.OrderByDescending(t => t.Value.Bytes).Take(top))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| `{Name(type)}` | {bytes / 1048576.0:F1} | {count:N0} |");
        }
        return sb.ToString();
    }

    private static string Name(Type t) => t.IsArray ? Name(t.GetElementType()!) + "[]"
        : t.IsGenericType ? t.Name.Split('`')[0] + "<" + string.Join(",", t.GetGenericArguments().Select(Name)) + ">"
        : t.Name;

    private void Push(object? o, Stack<object> stack)
    {
        if (o is not null && o is not Type && o is not Delegate && o is not MemberInfo && _seen.Add(o))
        {
            stack.Push(o);
        }
    }

    private void PushFields(object? o, Type type, Stack<object> stack)
    {
        if (o is null)
        {
            return;
        }
        foreach (var f in Fields(type))
        {
            if (f.FieldType.IsPointer || f.FieldType.IsByRefLike)
            {
                continue;
            }
            var value = f.GetValue(o);
            if (f.FieldType.IsValueType)
            {
                if (ContainsReferences(f.FieldType))
                {
                    PushFields(value, f.FieldType, stack);
                }
            }
            else
            {
                Push(value, stack);
            }
        }
    }

    private static readonly Dictionary<Type, FieldInfo[]> FieldCache = [];
    private static readonly Dictionary<Type, bool> RefCache = [];
    private static readonly Dictionary<Type, int> SizeCache = [];

    private static FieldInfo[] Fields(Type type)
    {
        if (!FieldCache.TryGetValue(type, out var fields))
        {
            var list = new List<FieldInfo>();
            for (var t = type; t is not null; t = t.BaseType)
            {
                list.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }
            FieldCache[type] = fields = [.. list];
        }
        return fields;
    }

    private static bool ContainsReferences(Type type)
    {
        if (!RefCache.TryGetValue(type, out var refs))
        {
            refs = (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(type).Invoke(null, null)!;
            RefCache[type] = refs;
        }
        return refs;
    }

    /// <summary>Size of a value of this type inside an array or an object (a reference: 8).</summary>
    private static int InlineSize(Type type)
    {
        if (!type.IsValueType)
        {
            return 8;
        }
        if (!SizeCache.TryGetValue(type, out var size))
        {
            size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
            SizeCache[type] = size;
        }
        return size;
    }

    private static long Align(long n) => (n + 7) & ~7L;

    private static long SizeOf(object o, Type type)
    {
        if (o is string s)
        {
            return Align(22 + 2L * s.Length);
        }
        if (o is Array a)
        {
            return Align(24 + (long)a.Length * InlineSize(type.GetElementType()!));
        }
        var fields = Fields(type).Sum(f => (long)InlineSize(f.FieldType));
        return Math.Max(24, Align(16 + fields));
    }
}
