/**
 * Python text of the training loop (src/engine/train/trainer.ts with the CLI's report cadence): per-task
 * gradients of the shared parameters (one autograd pass per task, as LibMTL's 'param' gradients), the
 * method's weights, d = w G on the shared parameters, each head its own task's gradient (times its weight
 * for loss weightings), then Adam or SGD in PyTorch's form (the form ours follows). Networks and the toy's
 * replicated points each have a loop; both report as our CLI: at step 0, then every reportEvery steps.
 */
export const LOOP_PY = String.raw`
# ---- Training: src/engine/train/trainer.ts ----------------------------------------------------------
TRAIN_EVAL_SAMPLES = 2048  # the train metric reads the first 2,048 training samples, as ours


def shared_step(method, G, losses, step, aggregators):
    """The method's weights [R, T] and the shared direction [R, P] = w G (or torchjd's, per replica)."""
    if aggregators is not None:
        return (torch.ones(G.shape[:2], device=G.device),
                torch.stack([agg(G[r]) for r, agg in enumerate(aggregators)]))
    weights = method.weights(G, losses.cpu().numpy().astype(np.float64), step)
    w = torch.tensor(weights, dtype=torch.float32, device=G.device)
    return w, torch.bmm(w.unsqueeze(1), G).squeeze(1)


def train_network(args, suite, top, device, make_optimizer, aggregate, report):
    """A data suite through a sharing architecture (src/engine/train/supervised-model.ts)."""
    T, loss_kind, metric_kind = len(suite["names"]), suite["loss"], suite["metric"]
    arch = CONFIG["architecture"]
    net = Net(top.fork("init"), device)
    forward = ARCHITECTURES[arch["id"]](arch["params"], T, suite["input_dim"], suite["output_dim"], net)
    optimizer = make_optimizer(net.shared + net.task)
    method = make_method(CONFIG["method"], 1, T, args.seed, make_optimizer, device)
    aggregators = aggregate(1, T)
    train_data, test_data = Data(suite["train"], device), Data(suite["test"], device)
    sampler = MixedSampler(top.fork("batches"), train_data.sizes(), CONFIG["batchSize"])
    eval_sets = {"train": train_data.task_parts(T, TRAIN_EVAL_SAMPLES), "test": test_data.task_parts(T, 1 << 62)}

    def evaluate(which):
        losses, metrics = [], []
        with torch.no_grad():
            for t, (x, target) in enumerate(eval_sets[which]):
                pred = forward(x)[t]
                losses.append(float(element_loss(loss_kind, pred, target).mean()))
                metrics.append(float(task_metric(metric_kind, pred, target)))
        return losses, metrics

    def report_now(step, train_losses):
        train_eval, train_metric = evaluate("train")
        test_loss, test_metric = evaluate("test")
        report(step, train_losses or train_eval, test_loss, train_metric, test_metric)

    shared, task = net.shared, net.task
    sampler.next()  # our CLI's step-0 report draws one batch for its gradient statistics
    report_now(0, None)
    loss_sum, count = torch.zeros(T, device=device), 0
    for step in range(args.steps):
        x, y = train_data.batch(sampler.next())
        losses = element_loss(loss_kind, forward(x), y).mean(dim=(1, 2))  # [T]
        rows, head_rows = [], []
        for t in range(T):
            grads = torch.autograd.grad(losses[t], shared + task, retain_graph=t < T - 1, allow_unused=True)
            grads = [torch.zeros_like(p) if g is None else g for g, p in zip(grads, shared + task)]
            rows.append(torch.cat([g.reshape(-1) for g in grads[:len(shared)]] + [torch.zeros(0, device=device)]))
            head_rows.append(grads[len(shared):])
        G = torch.stack(rows).unsqueeze(0)  # [1, T, P]: row t is task t's gradient on the shared parameters
        detached = losses.detach()
        w, direction = shared_step(method, G, detached.unsqueeze(0), step, aggregators)
        offset = 0
        for p in shared:
            p.grad = direction[0, offset:offset + p.numel()].view_as(p).clone()
            offset += p.numel()
        scale = w[0] if (method.weighting and aggregators is None) else torch.ones(T, device=device)
        for j, p in enumerate(task):
            p.grad = sum(scale[t] * head_rows[t][j] for t in range(T))
        optimizer.step()
        method.end_step(detached.unsqueeze(0))
        loss_sum += detached
        count += 1
        if (step + 1) % args.report_every == 0 or step + 1 == args.steps:
            report_now(step + 1, (loss_sum / count).tolist())
            loss_sum, count = torch.zeros(T, device=device), 0


def train_points(args, suite, top, device, make_optimizer, aggregate, report):
    """An objective suite (the CAGrad toy): one replica per start point, all stepped at once, as ours."""
    T = len(suite["names"])
    theta = torch.tensor(suite["starts"], dtype=torch.float32, device=device, requires_grad=True)  # [R, dim]
    R = theta.shape[0]
    optimizer = make_optimizer([theta])
    method = make_method(CONFIG["method"], R, T, args.seed, make_optimizer, device)
    aggregators = aggregate(R, T)

    def report_now(step, train_losses):
        with torch.no_grad():
            losses = suite["losses"](theta)  # [R, T]
        mean = losses.mean(dim=0).tolist()
        points = [{"theta": theta[r].tolist(), "losses": losses[r].tolist()} for r in range(R)]
        report(step, train_losses or mean, mean, mean, mean, {"points": points})

    report_now(0, None)
    loss_sum, count = torch.zeros(T, device=device), 0
    for step in range(args.steps):
        losses = suite["losses"](theta)  # [R, T]
        G = torch.stack([torch.autograd.grad(losses[:, t].sum(), theta, retain_graph=t < T - 1)[0]
                         for t in range(T)], dim=1)  # [R, T, dim]: replicas are independent
        detached = losses.detach()
        _, direction = shared_step(method, G, detached, step, aggregators)
        theta.grad = direction.clone()
        optimizer.step()
        method.end_step(detached)
        loss_sum += detached.mean(dim=0)
        count += 1
        if (step + 1) % args.report_every == 0 or step + 1 == args.steps:
            report_now(step + 1, (loss_sum / count).tolist())
            loss_sum, count = torch.zeros(T, device=device), 0


def main():
    args = parse_args()
    torch.manual_seed(args.seed)  # nothing below draws from torch; every draw is our seeded Rng
    top = Rng(args.seed)
    suite = build_suite(CONFIG["task"]["params"], top.fork("data"))
    if args.dump_data:
        if "train" not in suite:
            raise SystemExit("--dump-data: the %r suite has no samples" % CONFIG["task"]["id"])
        n, train, test = args.dump_data, suite["train"], suite["test"]
        part = lambda s, k: (s[k][:n] if s["mode"] == "shared" else [a[:n] for a in s[k]])
        as_list = lambda a: a.tolist() if isinstance(a, np.ndarray) else [b.tolist() for b in a]
        print(json.dumps({"x": as_list(part(train, "x")), "y": as_list(part(train, "y")),
                          "testX": as_list(part(test, "x")), "testY": as_list(part(test, "y"))}))
        return 0
    device = pick_device(args.device)
    make_optimizer = make_optimizer_factory(CONFIG["optimizer"], CONFIG["learningRate"])

    def aggregate(R, T):
        if args.aggregator != "torchjd":
            return None
        aggregators = [torchjd_aggregator(CONFIG["method"], T) for _ in range(R)]
        if aggregators[0] is None:
            print("torchjd is not installed or has no %r with these parameters: using the inline port"
                  % CONFIG["method"]["id"])
            return None
        return aggregators

    report = Reporter(suite["names"], suite["metric"])
    started = time.time()
    train = train_points if "starts" in suite else train_network
    train(args, suite, top, device, make_optimizer, aggregate, report)
    seconds = time.time() - started
    print(json.dumps({"final": report.history[-1], "device": str(device), "seed": args.seed, "steps": args.steps,
                      "timing": {"seconds": round(seconds, 3),
                                 "stepsPerSecond": round(args.steps / seconds, 1) if seconds > 0 else None}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
