"""``passive-voice``: at most ``pass-share`` % of sentences are in the passive voice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Context, Document, Emitted, Heading, Need, Rule, Template, Text, option
from seofr_rules.helpers.passive import Confidence, passive_confidence
from seofr_rules.helpers.shares import NO_SENTENCES, excerpt, share_verdict

CONFIDENCE_TEXT = {
    Confidence.HIGH: Text(fr="certain", en="certain"),
    Confidence.MEDIUM: Text(fr="probable", en="likely"),
}


@dataclass(frozen=True)
class PassiveVoiceOptions:
    """Options of ``passive-voice``."""

    pass_share: float = option(
        10.0,
        fr="Part maximale (%) de phrases passives pour réussir.",
        en="Highest share (%) of passive sentences that passes.",
    )
    warn_share: float = option(
        15.0,
        fr="Part maximale (%) de phrases passives avant l’échec.",
        en="Highest share (%) of passive sentences before failing.",
    )


class PassiveVoice(Rule[PassiveVoiceOptions]):
    """At most ``pass-share`` % of sentences are in the passive voice.

    A passive sentence is « être » + past participle, except verbs conjugated
    with « être » in active tenses (« il est allé »), pronominal verbs (« ils se
    sont levés ») and stative readings (« le magasin est fermé le dimanche »).
    An agent in « par » or, after a participle of feeling or knowledge, in
    « de » (« elle est appréciée de ses voisins ») makes it certain; a question
    with inversion counts too (« sont-ils invités ? »). Each passive sentence
    is listed with how sure the detector is.

    ```md pass
    Le conseil a pris la décision. Il est allé à Paris. Elle est née en 1990. Ils se sont levés tôt. Le magasin est fermé le dimanche. Il est content de ses voisins.
    ```

    ```md fail
    La décision a été prise par le conseil. Les résultats seront publiés demain. Le budget est voté chaque année. Elle est appréciée de ses voisins.
    ```
    """

    name = "passive-voice"
    code = "R005"
    category = "readability"
    needs = frozenset({Need.SENTENCES, Need.LEMMAS, Need.MORPHOLOGY})
    summary = Text(
        fr="Peu de phrases sont à la voix passive.",
        en="Few sentences are in the passive voice.",
    )
    description_fr = """Au plus ``pass-share``\u00a0% des phrases sont à la voix passive.

    Une phrase passive associe «\u00a0être\u00a0» et un participe passé, sauf pour
    les verbes qui se conjuguent avec «\u00a0être\u00a0» aux temps actifs («\u00a0il est
    allé\u00a0»), les verbes pronominaux («\u00a0ils se sont levés\u00a0») et les
    participes qui décrivent un état («\u00a0le magasin est fermé le
    dimanche\u00a0»). Un complément d’agent introduit par «\u00a0par\u00a0» ou, après un
    participe de sentiment ou de connaissance, par «\u00a0de\u00a0» («\u00a0elle est
    appréciée de ses voisins\u00a0») rend le passif certain\u202f; une question avec
    inversion du sujet compte aussi («\u00a0sont-ils invités\u202f?\u00a0»). Chaque phrase
    passive est listée avec le degré de certitude du détecteur. Entre
    ``pass-share``\u00a0% et ``warn-share``\u00a0%, la règle alerte\u202f; au-delà, elle
    échoue.
    """
    Options = PassiveVoiceOptions
    templates = {
        "no-sentences": NO_SENTENCES,
        "share": Template(
            Text(
                fr="{share} % des phrases sont à la voix passive ({passive} sur {total}) ; le maximum conseillé est {pass_share} %.",
                en="{share}% of sentences are in the passive voice ({passive} of {total}); the advised maximum is {pass_share}%.",
            ),
            Text(
                fr="Réécrivez au moins {to_fix} {to_fix:phrase|phrases} à la voix active : dites qui fait l’action.",
                en="Rewrite at least {to_fix} {to_fix:sentence|sentences} in the active voice: say who acts.",
            ),
        ),
        "passive": Template(
            Text(
                fr="Voix passive ({confidence}) : « {excerpt} »",
                en="Passive voice ({confidence}): “{excerpt}”",
            ),
            Text(
                fr="Réécrivez à la voix active en commençant par qui agit (« le conseil a pris la décision » plutôt que « la décision a été prise »).",
                en="Rewrite in the active voice, starting with who acts (“the council took the decision” rather than “the decision was taken”).",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: PassiveVoiceOptions) -> Iterator[Emitted]:
        sentences = [
            s
            for s in ctx.french.sentences
            if not isinstance(s.element, Heading) and not ctx.silenced(self.name, s.span.line)
        ]
        if not sentences:
            yield self.skip("no-sentences")
            return
        found = [(s, c) for s in sentences if (c := passive_confidence(s.tokens)) is not None]
        verdict = share_verdict(len(found), len(sentences), options.pass_share, options.warn_share)
        if verdict.level is None:
            return
        yield self.at(
            verdict.level,
            "share",
            share=round(verdict.share, 1),
            passive=len(found),
            total=len(sentences),
            pass_share=options.pass_share,
            to_fix=verdict.to_fix,
        )
        for sentence, confidence in found:
            yield self.info(
                "passive",
                sentence.span,
                confidence=CONFIDENCE_TEXT[confidence],
                excerpt=excerpt(sentence.text),
            )
