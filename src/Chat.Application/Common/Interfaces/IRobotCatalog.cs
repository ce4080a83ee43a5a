namespace Chat.Application.Common.Interfaces;

/// <summary>The robot models a host may pick, as configured.</summary>
public interface IRobotCatalog
{
    /// <summary>The models a host may pick, in configuration order.</summary>
    IReadOnlyList<string> Models { get; }

    /// <summary>Ordinal, exact.</summary>
    bool Offers(string model);
}
