/**
 * MultiMNIST's digits on the page, for the prediction grid's test images: the same loader and file as the
 * workers' (src/worker/mnist-digits-loader.ts). Imported dynamically by the grid's controller
 * (connect-images.ts), so the page's first bundle stays without it; the page's engine builds the test
 * images from them (the suites are page-safe).
 */
export { prepareMnistDigits as preparePageTaskData } from '../../worker/mnist-digits-loader';
