/**
 * Python text that picks the method object for the config (methods-py.ts), and, for `--aggregator torchjd`,
 * torchjd's aggregator of the same name (Quinton & Rey's library; its defaults match our parameters) when
 * torchjd is installed. torchjd is never required: without it the script uses its own port.
 */
export const METHOD_CHOICE_PY = String.raw`
def make_method(spec, R, T, seed, make_optimizer, device):
    kind, p = spec["id"], spec["params"]
    if kind == "ew":
        return EqualWeights()
    if kind == "static":
        return StaticWeights(p, T)
    if kind == "pcgrad":
        return PCGrad(Rng(seed).fork("method:pcgrad"))
    if kind == "mgda":
        return MGDA(p)
    if kind == "cagrad":
        return CAGrad(p)
    if kind == "upgrad":
        return UPGrad(p, T)
    if kind == "imtl":
        return IMTL(p, R, T, make_optimizer, device)
    if kind == "nash-mtl":
        return NashMTL(p, R, T)
    raise SystemExit("method.id %r is not supported by this script" % kind)


def torchjd_aggregator(spec, T):
    """torchjd's aggregator for the method, or None when torchjd or the method is missing."""
    try:
        import torchjd.aggregation as agg
    except ImportError:
        return None
    kind, p = spec["id"], spec["params"]
    if kind == "upgrad":
        return agg.UPGrad(pref_vector=torch.tensor(p["prefVector"]) if p["prefVector"] else None,
                          norm_eps=p["normEps"], reg_eps=p["regEps"])
    if kind == "mgda" and p["normalization"] == "none":
        return agg.MGDA()
    if kind == "pcgrad":
        return agg.PCGrad()
    if kind == "cagrad" and p["rescale"] == 0:
        return agg.CAGrad(c=p["c"])
    if kind == "nash-mtl":
        return agg.NashMTL(n_tasks=T, max_norm=p["maxNorm"], update_weights_every=p["updateWeightsEvery"],
                           optim_niter=p["optimNiter"])
    return None
`;
