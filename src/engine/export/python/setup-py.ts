/**
 * Python text of the script's command line and output: the flags (--steps, --seed, --device,
 * --report-every, --aggregator, --dump-data), the device choice, the optimizer as PyTorch's Adam or SGD
 * with our beta1, beta2, eps or momentum, and the report lines with the history behind the final JSON.
 */
export const SETUP_PY = String.raw`
# ---- Command line, optimizer, reports ---------------------------------------------------------------
def pick_device(name):
    if name != "auto":
        return torch.device(name)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def make_optimizer_factory(spec, lr):
    p = spec["params"]
    if spec["id"] == "adam":
        return lambda params: torch.optim.Adam(params, lr=lr, betas=(p["beta1"], p["beta2"]), eps=p["eps"])
    return lambda params: torch.optim.SGD(params, lr=lr, momentum=p["momentum"])


def parse_args():
    parser = argparse.ArgumentParser(description="Reproduce an MTL Playground run with PyTorch.")
    parser.add_argument("--steps", type=int, default=CONFIG["steps"], help="optimizer steps (default: the run's)")
    parser.add_argument("--seed", type=int, default=CONFIG["seed"],
                        help="seed of the data, initial weights, batches and method (default: the run's)")
    parser.add_argument("--device", default="auto", help="auto (cuda, then mps, then cpu), cpu, cuda, cuda:1, mps")
    parser.add_argument("--report-every", type=int, default=CONFIG["reportEvery"], help="steps between reports")
    parser.add_argument("--aggregator", choices=["inline", "torchjd"], default="inline",
                        help="inline: this script's port of our method (default, reproduces our numbers); "
                             "torchjd: torchjd's aggregator of the same name where torchjd is installed")
    parser.add_argument("--dump-data", type=int, default=0, metavar="N",
                        help="print the first N training samples as JSON and exit (to compare with the app)")
    args = parser.parse_args()
    if args.steps < 0 or args.report_every < 1:
        parser.error("--steps must be at least 0 and --report-every at least 1")
    return args


class Reporter:
    """Prints a report line per task and keeps the history; exits 3 on a non-finite value, as our CLI."""

    def __init__(self, names, metric_kind):
        self.names, self.metric_kind, self.history = names, metric_kind, []

    def __call__(self, step, train_loss, test_loss, train_metric, test_metric, extra=None):
        tasks = [{"name": n, "trainLoss": train_loss[t], "testLoss": test_loss[t], "trainMetric": train_metric[t],
                  "testMetric": test_metric[t]} for t, n in enumerate(self.names)]
        print("step %6d  " % step + "  |  ".join(
            "%s: train %.4g test %.4g %s %.4g" % (k["name"], k["trainLoss"], k["testLoss"], self.metric_kind,
                                                  k["testMetric"]) for k in tasks), flush=True)
        if not all(math.isfinite(v) for k in tasks for v in k.values() if isinstance(v, float)):
            print(json.dumps({"stopped": {"reason": "a loss or metric is not finite", "step": step}}))
            sys.exit(3)
        self.history.append(dict({"step": step, "tasks": tasks}, **(extra or {})))
`;
