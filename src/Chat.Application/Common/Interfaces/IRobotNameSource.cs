namespace Chat.Application.Common.Interfaces;

/// <summary>Usernames for robots that read like the ones people pick.</summary>
public interface IRobotNameSource
{
    /// <summary>A valid username; calling again gives another, for when one is taken. (Not "Next": a keyword in VB.)</summary>
    string NextName();
}
