using Mediator;
using MeritApi.Domain.Competencies;

namespace MeritApi.Application.Competencies.Commands.RegisterCompetency;

/// <summary>Adds a competency to the dictionary (usually a technical one from the agency's own dictionary).</summary>
public sealed record RegisterCompetencyCommand(string? Code, string? Name, CompetencyCategory? Category, string? Description)
    : ICommand<CompetencyDto>;
