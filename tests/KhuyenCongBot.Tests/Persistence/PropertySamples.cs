namespace KhuyenCongBot.Tests.Persistence;

/// <summary>Sets every writable property of an object from a table of samples by type, so a property added later without a sample fails the test using it.</summary>
internal static class PropertySamples
{
    public static T Fill<T>(T target, Func<Type, object?> sample)
        where T : notnull
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(target, sample(property.PropertyType)
                ?? throw new InvalidOperationException($"No sample for {property.Name} ({property.PropertyType})"));
        }
        return target;
    }
}
