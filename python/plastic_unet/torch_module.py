"""The original plastic U-Net, UNetpRes, in plain PyTorch (docs/MODEL.md §2 and §3), with
the module names of the original implementation, so that its state_dict has the original
keys and shapes. `Model.to_torch()` builds one from a model file; needs torch.
"""

import torch
from torch import nn
from torch.nn import functional

RULES = ("none", "hebb", "oja")
ALPHAS = ("free", "yoked")
TRACE_ROWS = ("all", "first")

# The network (docs/MODEL.md §2), with the module names of the original UNetpRes.


class ConvUnit(nn.Module):
    """A 3x3 convolution c->c, padding 1, followed by a ReLU when `rectify` is set."""

    def __init__(self, channels, rectify):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.rectify = rectify

    def forward(self, x):
        """The convolution of `x`, rectified or not."""
        y = self.conv(x)
        return functional.relu(y) if self.rectify else y


class Residual(nn.Module):
    """Res(c): r = ReLU(x); r + Conv3(ReLU(Conv3(r))). The skip adds ReLU(x), not x."""

    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Sequential(nn.ReLU(), ConvUnit(channels, True), ConvUnit(channels, False))

    def forward(self, x):
        """The residual unit applied to `x`."""
        rectified = self.conv[0](x)
        return rectified + self.conv[2](self.conv[1](rectified))


def block(a, b):
    """Block(a->b): Conv3(a->b), two residual units, ReLU."""
    return nn.Sequential(nn.Conv2d(a, b, 3, padding=1), Residual(b), Residual(b), nn.ReLU())


class DownBlock(nn.Module):
    """The block of a down stage, held as `dconv` (conv1 ... conv4)."""

    def __init__(self, a, b):
        super().__init__()
        self.dconv = block(a, b)

    def forward(self, x):
        """The block applied to `x`."""
        return self.dconv(x)


class MiddleBlock(nn.Module):
    """A block held as `mconv`: the middle stage and the block of each up stage."""

    def __init__(self, a, b):
        super().__init__()
        self.mconv = block(a, b)

    def forward(self, x):
        """The block applied to `x`."""
        return self.mconv(x)


class Up(nn.Module):
    """Up(a->b): a 3x3 transposed convolution of stride 2 (side s -> 2s + 1), without its
    first row and column when it is one larger than the skip, concatenated with the skip,
    then Dropout2d(p) and Block(a->b)."""

    def __init__(self, a, b, dropout):
        super().__init__()
        self.dconv = nn.ConvTranspose2d(a, b, 3, stride=2)
        self.uconv = nn.Sequential(nn.Dropout2d(dropout), MiddleBlock(a, b))

    def forward(self, x, skip):
        """The up stage applied to `x` and the skip of its level."""
        t = self.dconv(x)
        if t.shape[-1] == skip.shape[-1] + 1:
            t = t[..., 1:, 1:]
        return self.uconv(torch.cat((t, skip), dim=1))


class OutConv(nn.Module):
    """The 1x1 convolution n->1 that gives the map A, held as `conv` (outc)."""

    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, 1, 1)

    def forward(self, x):
        """The convolution of `x`."""
        return self.conv(x)


class UNetpRes(nn.Module):
    """The plastic U-Net of width `n` for S x S images.

    The body maps a batch of images [N, 1, S, S] to the maps A [N, S, S]; the head gives
    the probabilities Y = sigmoid(A (w + alpha * H)) for the trace H (rule hebb or oja;
    alpha is S x S when free, one scalar of shape [1] when yoked), or Y = sigmoid(A w)
    (rule none, whose head holds `w` only). The head's tensors start as in
    docs/MODEL.md §3; the convolutions keep PyTorch's default initialisation.
    Evaluation runs in eval mode (no dropout)."""

    def __init__(self, n=16, S=101, rule="oja", alpha="free", dropout=0.5):
        super().__init__()
        if rule not in RULES or alpha not in ALPHAS:
            raise ValueError(f"rule must be one of {RULES} and alpha one of {ALPHAS}")
        self.rule = rule
        self.w = nn.Parameter(0.01 * torch.randn(S, S))
        if rule != "none":
            initial_alpha = 0.01 * torch.rand(S, S) if alpha == "free" else torch.full((1,), 0.01)
            self.alpha = nn.Parameter(initial_alpha)
            self.eta = nn.Parameter(torch.full((1,), 0.01))
        self.pools = nn.ModuleList(nn.Sequential(nn.MaxPool2d(2), nn.Dropout2d(q))
                                   for q in (dropout / 2, dropout, dropout, dropout))
        self.conv1 = DownBlock(1, n)
        self.conv2 = DownBlock(n, 2 * n)
        self.conv3 = DownBlock(2 * n, 4 * n)
        self.conv4 = DownBlock(4 * n, 8 * n)
        self.mid = MiddleBlock(8 * n, 16 * n)
        self.uconv4 = Up(16 * n, 8 * n, dropout)
        self.uconv3 = Up(8 * n, 4 * n, dropout)
        self.uconv2 = Up(4 * n, 2 * n, dropout)
        self.uconv1 = Up(2 * n, n, dropout)
        self.outc = OutConv(n)

    def body(self, x):
        """The maps A [N, S, S] of the images `x` [N, 1, S, S]."""
        c1 = self.conv1(x)
        c2 = self.conv2(self.pools[0](c1))
        c3 = self.conv3(self.pools[1](c2))
        c4 = self.conv4(self.pools[2](c3))
        m = self.mid(self.pools[3](c4))
        u1 = self.uconv1(self.uconv2(self.uconv3(self.uconv4(m, c4), c3), c2), c1)
        return self.outc(u1)[:, 0]

    def head(self, a, hebb):
        """The probabilities Y [N, S, S] of the maps `a` [N, S, S] with the trace `hebb`
        [S, S] (ignored, and may be None, for rule none)."""
        weights = self.w if self.rule == "none" else self.w + self.alpha * hebb
        return torch.sigmoid(a @ weights)

    def forward(self, x, hebb):
        """The probabilities [N, 1, S, S] of the images `x` [N, 1, S, S] with the trace
        `hebb` [S, S], the same for every image of the batch."""
        return self.head(self.body(x), hebb).unsqueeze(1)

    @torch.no_grad()
    def next_trace(self, a, y, hebb, rows="all"):
        """The trace after one image (docs/MODEL.md §3) from its map `a` and probabilities
        `y` (both [S, S]) and the trace `hebb` it was predicted with.

        With x_r = a[r], y_r = y[r] over the rows r of R (every row, or row 0 only):
        M = mean_r outer(x_r, y_r), Q[j] = mean_r y_r[j]^2, and
        hebb: (1 - eta) H + eta M;  oja: H + eta (M - H * Q[None, :]).
        Rule none has no trace: `hebb` comes back unchanged."""
        if rows not in TRACE_ROWS:
            raise ValueError(f"rows must be one of {TRACE_ROWS}")
        if self.rule == "none":
            return hebb
        if rows == "first":
            a, y = a[:1], y[:1]
        m = a.T @ y / a.shape[0]
        if self.rule == "hebb":
            return (1 - self.eta) * hebb + self.eta * m
        q = (y * y).mean(dim=0)
        return hebb + self.eta * (m - hebb * q[None, :])
