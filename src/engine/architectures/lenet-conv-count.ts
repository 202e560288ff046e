/** Parameters of a k x k convolution from `inC` to `outC` channels: its kernel and bias. Page-safe. */
export const convParams = (k: number, inC: number, outC: number): number => k * k * inC * outC + outC;
